namespace EcoBid.Events.Archive;

/// <summary>One replayed event bound for one target's queue.</summary>
public sealed record ReplayDelivery(string Target, string EventId, string MessageKey, string Body)
{
    /// <summary>
    /// The inbox key of a replayed delivery: new for each replay, so a replay runs the handler again once per event
    /// and target (live deliveries are keyed by the event id alone), yet a message delivered twice within one replay
    /// is still recognised.
    /// </summary>
    public static string KeyFor(string eventId, string replayName) => $"{eventId}#replay:{replayName}";
}
