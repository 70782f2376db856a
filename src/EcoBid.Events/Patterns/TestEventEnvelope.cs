using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// The envelope TestEventPattern requires of the event it is given. AWS's reference names <c>resources</c>
/// as mandatory too, but TestEventPattern accepts events without it, so it is not required here.
/// </summary>
internal static class TestEventEnvelope
{
    public const string Invalid = "Parameter Event is not valid.";

    private static readonly string[] Mandatory = ["id", "account", "source", "time", "region", "detail-type"];

    /// <exception cref="InvalidEventException">The event is not an object or lacks a mandatory field.</exception>
    public static void Validate(JsonElement @event)
    {
        if (@event.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidEventException($"{Invalid} Reason: the event must be a JSON object, not {JsonKinds.Describe(@event.ValueKind)}");
        }

        string[] missing = [.. Mandatory.Where(field => !@event.TryGetProperty(field, out _))];
        if (missing.Length > 0)
        {
            throw new InvalidEventException(
                $"{Invalid} Reason: Provided Event must have mandatory fields: [{string.Join(", ", Mandatory)}]; missing: {string.Join(", ", missing)}");
        }
    }
}
