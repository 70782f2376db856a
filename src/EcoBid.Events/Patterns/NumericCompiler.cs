using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Compiles <c>numeric</c> the way event-ruler reads it: <c>["=", x]</c>; an upper bound alone
/// (<c>["&lt;", x]</c>, <c>["&lt;=", x]</c>); or a lower bound (<c>["&gt;", x]</c>, <c>["&gt;=", x]</c>)
/// optionally followed by an upper bound. Operands are JSON numbers within ±5.0e9, and a range's bottom
/// must be below its top. The messages are event-ruler's.
/// </summary>
/// <remarks>Only number values in events match; a string such as "5" does not.</remarks>
internal static class NumericCompiler
{
    public static NumericRange Compile(JsonElement operand, string path)
    {
        if (operand.ValueKind != JsonValueKind.Array)
        {
            throw PatternErrors.Create(path, "Value of numeric must be an array.");
        }

        JsonElement[] terms = [.. operand.EnumerateArray()];
        if (terms.Length == 0)
        {
            throw PatternErrors.Create(path, "Invalid member in numeric match: ]");
        }

        JsonElement first = terms[0];
        if (first.ValueKind != JsonValueKind.String)
        {
            throw PatternErrors.Create(PatternErrors.Item(path, 0), $"Invalid member in numeric match: {first.GetRawText()}");
        }

        string op = first.GetString()!;
        if (op is not ("=" or "<" or "<=" or ">" or ">="))
        {
            throw PatternErrors.Create(PatternErrors.Item(path, 0), $"Unrecognized numeric range operator: {op}");
        }

        (double value, long key) = ReadOperand(terms, 1, op, path);
        if (op is "=" or "<" or "<=")
        {
            if (terms.Length > 2)
            {
                throw PatternErrors.Create(PatternErrors.Item(path, 2), "Too many elements in numeric expression");
            }

            return op switch
            {
                "=" => NumericRange.Equal(key),
                "<" => NumericRange.Unbounded with { Upper = key, UpperInclusive = false },
                _ => NumericRange.Unbounded with { Upper = key },
            };
        }

        var range = NumericRange.Unbounded with { Lower = key, LowerInclusive = op == ">=" };
        return terms.Length == 2 ? range : CompleteRange(terms, path, range, value);
    }

    private static NumericRange CompleteRange(JsonElement[] terms, string path, NumericRange range, double bottom)
    {
        JsonElement second = terms[2];
        if (second.ValueKind != JsonValueKind.String)
        {
            throw PatternErrors.Create(PatternErrors.Item(path, 2), $"Bad value in numeric range: {second.GetRawText()}");
        }

        string op = second.GetString()!;
        if (op is not ("<" or "<="))
        {
            throw PatternErrors.Create(PatternErrors.Item(path, 2), $"Bad numeric range operator: {op}");
        }

        (double top, long key) = ReadOperand(terms, 3, op, path);
        if (terms.Length > 4)
        {
            throw PatternErrors.Create(PatternErrors.Item(path, 4), "Too many terms in numeric range expression");
        }

        if (bottom >= top)
        {
            throw PatternErrors.Create(path, "Bottom must be less than top");
        }

        return range with { Upper = key, UpperInclusive = op == "<=" };
    }

    private static (double Value, long Key) ReadOperand(JsonElement[] terms, int index, string op, string path)
    {
        string valuePath = PatternErrors.Item(path, index);
        if (index >= terms.Length || terms[index].ValueKind != JsonValueKind.Number)
        {
            throw PatternErrors.Create(valuePath, $"Value of {(op == "=" ? "equals" : op)} must be numeric");
        }

        long key = ComparableNumber.RequireKey(terms[index], valuePath);
        return (terms[index].GetDouble(), key);
    }
}
