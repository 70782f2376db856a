namespace EcoBid.Jsonata.Runtime;

/// <summary>
/// The number of parameters a JSONata signature declares, e.g. 2 for <c>&lt;a&lt;n&gt;n?:a&gt;</c>. JSONata reads a
/// function's declared parameters to decide what <c>$map</c> and friends pass and to partially apply it, so host
/// functions are given that many named parameters.
/// </summary>
internal static class SignatureArity
{
    private const string SimpleTypes = "bnsloafxj";

    public static int Of(string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature[0] != '<')
        {
            return 0;
        }

        var count = 0;
        var i = 1;
        while (i < signature.Length && signature[i] is not ':' and not '>')
        {
            var c = signature[i];
            if (c == '(')
            {
                count++;
                i = SkipGroup(signature, i, '(', ')');
            }
            else if (SimpleTypes.Contains(c, StringComparison.Ordinal))
            {
                count++;
                i++;
                if (i < signature.Length && signature[i] == '<')
                {
                    i = SkipGroup(signature, i, '<', '>');
                }
            }
            else
            {
                i++;
            }
        }

        return count;
    }

    /// <summary>Index just past the bracket that closes the one at <paramref name="start"/>.</summary>
    private static int SkipGroup(string text, int start, char open, char close)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == open)
            {
                depth++;
            }
            else if (text[i] == close && --depth == 0)
            {
                return i + 1;
            }
        }

        return text.Length;
    }
}
