namespace EcoBid.Events.Patterns;

/// <summary>The keys that introduce match expressions.</summary>
internal static class MatchTypes
{
    public const string Prefix = "prefix";
    public const string Suffix = "suffix";
    public const string EqualsIgnoreCase = "equals-ignore-case";
    public const string Wildcard = "wildcard";
    public const string AnythingBut = "anything-but";
    public const string Numeric = "numeric";
    public const string Cidr = "cidr";
    public const string Exists = "exists";
}
