using System.Text.Json;
using EcoBid.Events.Patterns;

namespace EcoBid.Server.Events;

/// <summary>TestEventPattern's logic, shared by the HTTP endpoint, the CLI verb and EventBridge's protocol at <c>/aws</c>.</summary>
public static class PatternTester
{
    public static PatternTestOutcome Test(string? patternJson, string? eventJson)
    {
        if (string.IsNullOrEmpty(patternJson))
        {
            return PatternTestOutcome.Invalid("eventPattern", "The event pattern is required.");
        }

        if (patternJson.Length > EventsApi.MaxPatternLength)
        {
            return PatternTestOutcome.Invalid("eventPattern", $"Event pattern is not valid. Reason: the pattern is {patternJson.Length} characters; the maximum is {EventsApi.MaxPatternLength}.");
        }

        if (string.IsNullOrEmpty(eventJson))
        {
            return PatternTestOutcome.Invalid("event", "The event is required.");
        }

        return Evaluate(patternJson, eventJson);
    }

    /// <summary>
    /// The pattern and the event as given, empty or not (presence is the caller's check): an invalid pattern is the
    /// matcher's "Event pattern is not valid. Reason: …" on <c>eventPattern</c>, an invalid event its
    /// "Parameter Event is not valid. Reason: …" on <c>event</c>.
    /// </summary>
    public static PatternTestOutcome Evaluate(string patternJson, string eventJson)
    {
        ArgumentNullException.ThrowIfNull(patternJson);
        ArgumentNullException.ThrowIfNull(eventJson);
        EventPattern pattern;
        try
        {
            pattern = EventPattern.Parse(patternJson);
        }
        catch (InvalidEventPatternException ex)
        {
            return PatternTestOutcome.Invalid("eventPattern", ex.Message);
        }

        try
        {
            return PatternTestOutcome.Matched(pattern.TestEvent(eventJson));
        }
        catch (InvalidEventException ex)
        {
            return PatternTestOutcome.Invalid("event", ex.Message);
        }
        catch (JsonException ex)
        {
            return PatternTestOutcome.Invalid("event", $"Parameter Event is not valid. Reason: the event is not valid JSON: {ex.Message}");
        }
    }
}

public sealed record PatternTestOutcome(bool Result, string? Field, string? Error)
{
    public static PatternTestOutcome Matched(bool result) => new(result, null, null);

    public static PatternTestOutcome Invalid(string field, string error) => new(false, field, error);
}
