namespace EcoBid.Events.Storage;

/// <summary>
/// Remembers which messages each consumer has processed. The mark is written in the handler's own transaction,
/// so the effect and the mark commit together and a redelivered message is recognised and skipped.
/// </summary>
public interface IInbox
{
    /// <returns><c>true</c> when this is the first time; <c>false</c> when the consumer already processed the key.</returns>
    Task<bool> TryMarkProcessedAsync(IWriteScope scope, string consumer, string messageKey);

    /// <summary>Forgets marks written before <paramref name="cutOff"/>; returns how many.</summary>
    Task<int> PruneAsync(IWriteScope scope, DateTimeOffset cutOff);
}
