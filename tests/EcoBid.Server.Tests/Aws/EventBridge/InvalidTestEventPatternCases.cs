namespace EcoBid.Server.Tests.Aws.EventBridge;

/// <summary>
/// Rows of (case name, pattern, event, AWS error code, what the message starts with) that TestEventPattern refuses: an
/// invalid pattern is InvalidEventPatternException, an event that is not JSON or lacks an envelope field a
/// ValidationException.
/// </summary>
public sealed class InvalidTestEventPatternCases : TheoryData<string, string, string, string, string>
{
    public const string PatternLead = "Event pattern is not valid. Reason: ";
    public const string EventLead = "Parameter Event is not valid.";

    public InvalidTestEventPatternCases()
    {
        const string Valid = """{"source":["ecobid.items"]}""";
        Add("a value that is not an array", """{"source":"ecobid.items"}""", EventPatternCases.Event, "InvalidEventPatternException", PatternLead);
        Add("a pattern that is not JSON", """{"source":[""", EventPatternCases.Event, "InvalidEventPatternException", PatternLead);
        Add("an unknown filter", """{"source":[{"prefixes":"ecobid."}]}""", EventPatternCases.Event, "InvalidEventPatternException", PatternLead);
        Add("an empty pattern", "", EventPatternCases.Event, "InvalidEventPatternException", PatternLead);
        Add("an event without time", Valid, Without("time"), "ValidationException", EventLead);
        Add("an event without detail-type", Valid, Without("detail-type"), "ValidationException", EventLead);
        Add("an event that is not JSON", Valid, """{"id": """, "ValidationException", EventLead);
        Add("an event that is an array", Valid, $"[{EventPatternCases.Event}]", "ValidationException", EventLead);
    }

    private static string Without(string field)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(EventPatternCases.Event)!.AsObject();
        json.Remove(field).ShouldBeTrue();
        return json.ToJsonString();
    }
}
