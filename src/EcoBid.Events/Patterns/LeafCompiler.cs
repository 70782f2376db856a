using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>Compiles a pattern array: literal values and match expressions, any of which may match.</summary>
internal static class LeafCompiler
{
    public static LeafCondition Compile(JsonElement values, string path)
    {
        if (values.GetArrayLength() == 0)
        {
            throw PatternErrors.Create(path, "Empty arrays are not allowed");
        }

        var builder = new LeafConditionBuilder();
        int index = 0;
        foreach (JsonElement value in values.EnumerateArray())
        {
            string valuePath = PatternErrors.Item(path, index++);
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    builder.AddExactString(value.GetString()!);
                    break;
                case JsonValueKind.Number:
                    builder.ExactNumbers.Add(value);
                    break;
                case JsonValueKind.True:
                    builder.MatchesTrue = true;
                    break;
                case JsonValueKind.False:
                    builder.MatchesFalse = true;
                    break;
                case JsonValueKind.Null:
                    builder.MatchesNull = true;
                    break;
                case JsonValueKind.Object:
                    MatchExpressionCompiler.Compile(value, valuePath, builder);
                    break;
                default:
                    throw PatternErrors.Create(valuePath, "Match value must be String, number, true, false, or null, not an array");
            }
        }

        return new LeafCondition(builder);
    }
}
