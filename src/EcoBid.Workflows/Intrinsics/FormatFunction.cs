using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Intrinsics;

/// <summary><c>States.Format</c>.</summary>
internal sealed class FormatFunction : IntrinsicFunction
{
    public override string Name => "States.Format";

    public override (int Min, int Max) Arity => (1, int.MaxValue);

    protected override JsonNode? Invoke(JsonNode?[] args, EvaluationContext context)
    {
        var template = Arguments[0] is LiteralArgument { Raw: { } raw } ? raw : Text(args[0], 0);
        var sb = new System.Text.StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '\\' && i + 1 < template.Length && template[i + 1] is '{' or '}')
            {
                sb.Append(template[++i]);
                continue;
            }
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                if (next >= args.Length) throw Failure($"Invalid arguments in {Name}: the format string has more placeholders than arguments");
                sb.Append(Render(args[next++]));
                i++;
                continue;
            }
            sb.Append(c);
        }
        if (next != args.Length) throw Failure($"Invalid arguments in {Name}: the format string has fewer placeholders than arguments");
        return JsonValue.Create(sb.ToString());
    }

    /// <summary>
    /// Strings as they are, other scalars as JSON, objects and arrays as Java's Map and List print them
    /// (<c>{a=1, b=[x, y]}</c>), which is what AWS puts in the formatted string.
    /// </summary>
    private static string Render(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(", ", o.Select(p => p.Key + "=" + Render(p.Value))) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(Render)) + "]",
        _ => JsonNodes.AsString(value) ?? JsonNodes.Serialize(value),
    };

    public override string? CheckArguments() =>
        Arguments[0] is LiteralArgument { Raw: null } ? $"The first argument of {Name} must be a string" : null;
}
