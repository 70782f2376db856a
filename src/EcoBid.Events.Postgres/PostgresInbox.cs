using EcoBid.Events.Storage;

namespace EcoBid.Events.Postgres;

/// <summary>
/// Processed marks. Two consumers that mark the same key at once (a redelivery racing the first delivery on another
/// node) meet on the primary key: the second insert waits for the first transaction and then does nothing.
/// </summary>
public sealed class PostgresInbox : IInbox
{
    private const string Mark = "INSERT INTO inbox (consumer, message_key, processed_at) VALUES (@consumer, @key, @now) ON CONFLICT DO NOTHING";

    public async Task<bool> TryMarkProcessedAsync(IWriteScope scope, string consumer, string messageKey)
    {
        var postgres = PostgresWriteScope.Of(scope);
        var command = postgres.Prepared(Mark, ("consumer", consumer), ("key", messageKey), ("now", postgres.Now));
        return await command.ExecuteNonQueryAsync(postgres.CancellationToken) == 1;
    }

    public async Task<int> PruneAsync(IWriteScope scope, DateTimeOffset cutOff)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = PostgresCommands.Create(scope, "DELETE FROM inbox WHERE processed_at < @cutOff", ("cutOff", cutOff));
        return await command.ExecuteNonQueryAsync(scope.CancellationToken);
    }
}
