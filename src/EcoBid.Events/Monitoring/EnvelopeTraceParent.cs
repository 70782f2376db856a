namespace EcoBid.Events.Monitoring;

/// <summary>
/// Puts a new trace parent into an envelope's JSON without parsing and writing it again: the relay hands each event
/// on under its own span, and does so for every event of a batch while tracing is on.
/// </summary>
public static class EnvelopeTraceParent
{
    private const string Field = "\"traceparent\":\"";

    /// <param name="envelopeJson">The envelope as stored in the outbox.</param>
    /// <param name="current">The envelope's <c>traceparent</c>, or <c>null</c> when it has none.</param>
    /// <param name="traceParent">The new parent (W3C <c>traceparent</c> form).</param>
    public static string Replace(string envelopeJson, string? current, string traceParent)
    {
        ArgumentNullException.ThrowIfNull(envelopeJson);
        ArgumentNullException.ThrowIfNull(traceParent);
        if (current is not null)
        {
            var needle = string.Concat(Field, current, "\"");
            var at = envelopeJson.IndexOf(needle, StringComparison.Ordinal);

            // Only an unambiguous match is replaced: the same text inside the detail would otherwise be the one found.
            if (at >= 0 && envelopeJson.IndexOf(needle, at + needle.Length, StringComparison.Ordinal) < 0)
            {
                return string.Concat(envelopeJson.AsSpan(0, at + Field.Length), traceParent, envelopeJson.AsSpan(at + needle.Length - 1));
            }

            return (Envelope.EventEnvelope.FromJson(envelopeJson) with { TraceParent = traceParent }).ToJson();
        }

        // No trace parent yet: the field goes in before the object's closing brace.
        var end = envelopeJson.AsSpan().TrimEnd();
        if (end.Length < 2 || end[^1] != '}' || end[..^1].TrimEnd()[^1] == '{')
        {
            return (Envelope.EventEnvelope.FromJson(envelopeJson) with { TraceParent = traceParent }).ToJson();
        }

        return string.Concat(end[..^1], string.Concat(",", Field, traceParent, "\"}"));
    }
}
