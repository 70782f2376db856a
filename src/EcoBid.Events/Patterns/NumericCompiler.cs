using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Compiles <c>numeric</c>: <c>["=", x]</c>, one bound (<c>["&gt;", x]</c>, <c>["&lt;=", y]</c>, ...) or a
/// range of one lower and one upper bound in either order, with lower strictly below upper.
/// Operands are JSON numbers within ±5.0e9, the limits EventBridge documents.
/// </summary>
/// <remarks>Only number values in events match; a string such as "5" does not.</remarks>
internal static class NumericCompiler
{
    public const double Limit = 5.0e9;

    public static NumericRange Compile(JsonElement operand, string path)
    {
        if (operand.ValueKind != JsonValueKind.Array)
        {
            throw PatternErrors.Create(path, $"Value of numeric must be an array, not {JsonKinds.Describe(operand.ValueKind)}");
        }

        JsonElement[] terms = [.. operand.EnumerateArray()];
        if (terms.Length == 0)
        {
            throw PatternErrors.Create(path, "Empty arrays are not allowed");
        }

        if (terms.Length > 4)
        {
            throw PatternErrors.Create(path, "Too many elements in numeric expression");
        }

        (string firstOperator, double firstValue) = ReadTerm(terms, 0, path);
        if (firstOperator == "=")
        {
            return terms.Length == 2
                ? NumericRange.Equal(firstValue)
                : throw PatternErrors.Create(path, "Too many elements in numeric expression; \"=\" cannot be combined with other operators");
        }

        var range = new NumericRange(double.NegativeInfinity, false, double.PositiveInfinity, false);
        range = WithBound(range, firstOperator, firstValue);
        if (terms.Length == 2)
        {
            return range;
        }

        (string secondOperator, double secondValue) = ReadTerm(terms, 2, path);
        if (secondOperator == "=" || IsLower(secondOperator) == IsLower(firstOperator))
        {
            throw PatternErrors.Create(
                PatternErrors.Item(path, 2),
                $"Bad numeric range: \"{secondOperator}\" cannot follow \"{firstOperator}\"; a range needs one lower bound (> or >=) and one upper bound (< or <=)");
        }

        range = WithBound(range, secondOperator, secondValue);
        return range.Lower < range.Upper
            ? range
            : throw PatternErrors.Create(path, $"Bottom must be less than top: {range.Lower} is not below {range.Upper}");
    }

    private static (string Operator, double Value) ReadTerm(JsonElement[] terms, int index, string path)
    {
        JsonElement operatorElement = terms[index];
        string? op = operatorElement.ValueKind == JsonValueKind.String ? operatorElement.GetString() : null;
        if (op is not ("=" or "<" or "<=" or ">" or ">="))
        {
            throw PatternErrors.Create(PatternErrors.Item(path, index), $"Invalid member in numeric match: {operatorElement.GetRawText()}");
        }

        string valuePath = PatternErrors.Item(path, index + 1);
        if (index + 1 >= terms.Length)
        {
            throw PatternErrors.Create(valuePath, $"Value of {op} must be numeric, but it is missing");
        }

        JsonElement valueElement = terms[index + 1];
        if (valueElement.ValueKind != JsonValueKind.Number)
        {
            throw PatternErrors.Create(valuePath, $"Value of {op} must be numeric, not {JsonKinds.Describe(valueElement.ValueKind)}");
        }

        double value = valueElement.GetDouble();
        if (!double.IsFinite(value) || Math.Abs(value) > Limit)
        {
            throw PatternErrors.Create(valuePath, $"Value of {op} must be between -5.0E9 and 5.0E9 inclusive, not {valueElement.GetRawText()}");
        }

        return (op, value);
    }

    private static bool IsLower(string op) => op[0] == '>';

    private static NumericRange WithBound(NumericRange range, string op, double value) => op switch
    {
        ">" => range with { Lower = value, LowerInclusive = false },
        ">=" => range with { Lower = value, LowerInclusive = true },
        "<" => range with { Upper = value, UpperInclusive = false },
        _ => range with { Upper = value, UpperInclusive = true },
    };
}
