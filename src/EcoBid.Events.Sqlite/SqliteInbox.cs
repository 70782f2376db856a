using EcoBid.Events.Storage;

namespace EcoBid.Events.Sqlite;

public sealed class SqliteInbox : IInbox
{
    public async Task<bool> TryMarkProcessedAsync(IWriteScope scope, string consumer, string messageKey)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = scope.Command(
            "INSERT INTO inbox (consumer, message_key, processed_at) VALUES ($consumer, $key, $now) ON CONFLICT DO NOTHING",
            ("$consumer", consumer),
            ("$key", messageKey),
            ("$now", scope.Now.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(scope.CancellationToken) == 1;
    }

    public async Task<int> PruneAsync(IWriteScope scope, DateTimeOffset cutOff)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = scope.Command("DELETE FROM inbox WHERE processed_at < $cutOff", ("$cutOff", cutOff.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(scope.CancellationToken);
    }
}
