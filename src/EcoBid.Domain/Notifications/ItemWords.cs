namespace EcoBid.Domain.Notifications;

/// <summary>
/// The words of a text as saved-search keywords are compared with them: lower case, split on anything that is not a
/// letter or digit, so "Oak-chair!" holds "oak" and "chair".
/// </summary>
public static class ItemWords
{
    public static HashSet<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }
}
