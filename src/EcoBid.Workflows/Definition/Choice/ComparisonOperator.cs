namespace EcoBid.Workflows.Definition.Choice;

/// <summary>The relation a String/Numeric/Timestamp comparison tests.</summary>
internal enum ComparisonOperator
{
    Equals,
    LessThan,
    GreaterThan,
    LessThanEquals,
    GreaterThanEquals,
}

internal static class ComparisonOperators
{
    public static bool Holds(this ComparisonOperator op, int comparison) => op switch
    {
        ComparisonOperator.Equals => comparison == 0,
        ComparisonOperator.LessThan => comparison < 0,
        ComparisonOperator.GreaterThan => comparison > 0,
        ComparisonOperator.LessThanEquals => comparison <= 0,
        _ => comparison >= 0,
    };
}
