using System.Data.Common;
using EcoBid.Events.Envelope;
using EcoBid.Events.Storage;
using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite;

internal sealed class SqliteWriteScope(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken) : IWriteScope
{
    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public DateTimeOffset Now => now;

    public CancellationToken CancellationToken => cancellationToken;

    public int Published { get; private set; }

    public List<Action>? Committed { get; private set; }

    public void OnCommitted(Action action) => (Committed ??= []).Add(action);

    public async Task PublishAsync(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO outbox (envelope, created_at) VALUES ($envelope, $now)";
        command.Parameters.AddWithValue("$envelope", envelope.ToJson());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        Published++;
    }
}
