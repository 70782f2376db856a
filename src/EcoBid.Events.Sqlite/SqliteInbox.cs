using EcoBid.Events.Storage;

namespace EcoBid.Events.Sqlite;

public sealed class SqliteInbox : IInbox
{
    private const string Mark = "INSERT INTO inbox (consumer, message_key, processed_at) VALUES ($consumer, $key, $now) ON CONFLICT DO NOTHING";

    public async Task<bool> TryMarkProcessedAsync(IWriteScope scope, string consumer, string messageKey)
    {
        var sqlite = SqliteWriteScope.Of(scope);
        var command = sqlite.Prepared(Mark, ("$consumer", consumer), ("$key", messageKey), ("$now", sqlite.Now.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(sqlite.CancellationToken) == 1;
    }

    public async Task<int> PruneAsync(IWriteScope scope, DateTimeOffset cutOff)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var command = scope.Command("DELETE FROM inbox WHERE processed_at < $cutOff", ("$cutOff", cutOff.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(scope.CancellationToken);
    }
}
