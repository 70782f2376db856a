using System.Data.Common;
using EcoBid.Events.Envelope;
using EcoBid.Events.Storage;
using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite;

internal sealed class SqliteWriteScope(
    SqliteConnection connection,
    SqliteTransaction transaction,
    SqliteCommandCache commands,
    DateTimeOffset now,
    CancellationToken cancellationToken) : IWriteScope, IWriteScopeOutcome
{
    private const string InsertOutbox = "INSERT INTO outbox (envelope, created_at) VALUES ($envelope, $now)";

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public DateTimeOffset Now => now;

    public CancellationToken CancellationToken => cancellationToken;

    public int Published { get; private set; }

    public List<Action>? Committed { get; private set; }

    public void OnCommitted(Action action) => (Committed ??= []).Add(action);

    /// <summary>The writer's prepared command for <paramref name="sql"/> (see <see cref="SqliteCommandCache"/>); not to be disposed.</summary>
    public SqliteCommand Prepared(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        commands.Get(connection, transaction, sql, parameters);

    DbCommand IWriteScope.Prepared(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) => Prepared(sql, parameters);

    // Savepoints by cached command, as the statements above: a consumer sets and releases one per message.
    public async Task SavepointAsync(string name) =>
        await Prepared($"SAVEPOINT {Quote(name)}").ExecuteNonQueryAsync(cancellationToken);

    public async Task RollbackToSavepointAsync(string name) =>
        await Prepared($"ROLLBACK TO SAVEPOINT {Quote(name)}").ExecuteNonQueryAsync(cancellationToken);

    public async Task ReleaseSavepointAsync(string name) =>
        await Prepared($"RELEASE SAVEPOINT {Quote(name)}").ExecuteNonQueryAsync(cancellationToken);

    /// <summary>The adapter's own scope: its ports take part only in transactions of their own database.</summary>
    public static SqliteWriteScope Of(IWriteScope scope) =>
        scope as SqliteWriteScope ?? throw new ArgumentException("The SQLite adapter takes part only in write scopes of its own database.", nameof(scope));

    public async Task PublishAsync(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var command = Prepared(InsertOutbox, ("$envelope", envelope.ToJson()), ("$now", now.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        Published++;
    }

    private static string Quote(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
