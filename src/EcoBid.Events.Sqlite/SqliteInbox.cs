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
}
