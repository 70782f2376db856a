using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// A compiled EventBridge event pattern. Parse once, then call <see cref="Matches(JsonElement)"/> for every
/// event; matching runs the pre-compiled rules and does not re-parse the pattern.
/// </summary>
/// <remarks>
/// Supported: exact values (string, number, boolean, null), nested objects, prefix, suffix,
/// equals-ignore-case, wildcard, anything-but, numeric, cidr, exists and <c>$or</c>, with the semantics of
/// event-ruler, the engine EventBridge runs: values listed in one array are alternatives (OR); fields
/// listed in one object must all match (AND), within one element of any event array they share; key paths
/// are joined with '.', so <c>{"a.b": [1]}</c> matches <c>{"a": {"b": 1}}</c>.
/// </remarks>
public sealed class EventPattern
{
    private readonly MatchRule[] rules;

    private EventPattern(string json, MatchRule[] rules)
    {
        Json = json;
        this.rules = rules;
    }

    /// <summary>The pattern text exactly as it was given to <see cref="Parse"/> or <see cref="TryParse"/>.</summary>
    public string Json { get; }

    /// <summary>Parses and validates a pattern.</summary>
    /// <exception cref="InvalidEventPatternException">The pattern is malformed; the message names the fault and where it is.</exception>
    public static EventPattern Parse(string patternJson)
    {
        ArgumentNullException.ThrowIfNull(patternJson);
        return new EventPattern(patternJson, PatternCompiler.Compile(patternJson));
    }

    /// <summary>Parses and validates a pattern without throwing.</summary>
    /// <returns><see langword="true"/> with <paramref name="pattern"/> set, or <see langword="false"/> with <paramref name="error"/> set.</returns>
    public static bool TryParse(
        string patternJson,
        [NotNullWhen(true)] out EventPattern? pattern,
        [NotNullWhen(false)] out string? error)
    {
        if (patternJson is null)
        {
            pattern = null;
            error = PatternErrors.Create(string.Empty, "Event pattern must not be null").Message;
            return false;
        }

        try
        {
            pattern = Parse(patternJson);
            error = null;
            return true;
        }
        catch (InvalidEventPatternException ex)
        {
            pattern = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Tests a whole event envelope (a JSON object) against the pattern.</summary>
    /// <exception cref="InvalidEventException">The event is not a JSON object.</exception>
    public bool Matches(JsonElement @event)
    {
        if (@event.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidEventException($"Event must be a JSON object, not {JsonKinds.Describe(@event.ValueKind)}.");
        }

        return EventMatcher.Matches(rules, @event);
    }

    /// <summary>Parses an event envelope and tests it against the pattern.</summary>
    /// <exception cref="InvalidEventException">The text is not valid JSON or not a JSON object.</exception>
    public bool Matches(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(eventJson);
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException($"Event is not valid JSON: {JsonKinds.DescribeSyntaxError(ex)}", ex);
        }

        using (document)
        {
            return Matches(document.RootElement);
        }
    }

    /// <summary>
    /// Tests an event as EventBridge's TestEventPattern does: the event must be a JSON object carrying the
    /// envelope fields <c>id</c>, <c>account</c>, <c>source</c>, <c>time</c>, <c>region</c> and <c>detail-type</c>.
    /// </summary>
    /// <exception cref="InvalidEventException">The event is not valid JSON, not an object, or lacks a mandatory field.</exception>
    public bool TestEvent(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(eventJson);
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException($"{TestEventEnvelope.Invalid} Reason: the event is not valid JSON: {JsonKinds.DescribeSyntaxError(ex)}", ex);
        }

        using (document)
        {
            TestEventEnvelope.Validate(document.RootElement);
            return EventMatcher.Matches(rules, document.RootElement);
        }
    }

    public override string ToString() => Json;
}
