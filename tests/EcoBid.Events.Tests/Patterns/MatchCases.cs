namespace EcoBid.Events.Tests.Patterns;

/// <summary>Rows of (case name, event name or inline event JSON, pattern JSON, expected match).</summary>
public class MatchCases : TheoryData<string, string, string, bool>
{
    protected void Match(string name, string eventNameOrJson, string pattern) => Add(name, eventNameOrJson, pattern, true);

    protected void NoMatch(string name, string eventNameOrJson, string pattern) => Add(name, eventNameOrJson, pattern, false);
}
