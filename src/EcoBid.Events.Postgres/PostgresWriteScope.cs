using System.Data.Common;
using EcoBid.Events.Envelope;
using EcoBid.Events.Storage;
using Npgsql;

namespace EcoBid.Events.Postgres;

/// <summary>
/// One transaction on one pooled connection. <see cref="Prepared"/> keeps one command per SQL text for the scope's
/// life; preparing on the server is Npgsql's automatic preparation, per physical connection, so a hot statement is
/// parsed and planned once per connection, not once per transaction. A scope of a grouped write
/// (<see cref="PostgresDatabase.WriteAsync{T}(string, Func{IWriteScope, Task{T}}, CancellationToken)"/>) runs in a
/// transaction that already holds <paramref name="heldLock"/>.
/// </summary>
internal sealed class PostgresWriteScope(
    NpgsqlConnection connection,
    NpgsqlTransaction transaction,
    DateTimeOffset now,
    TimeProvider clock,
    CancellationToken cancellationToken,
    string? heldLock = null) : IWriteScope, IWriteScopeOutcome, IAsyncDisposable
{
    private const string InsertOutbox = "INSERT INTO outbox (envelope, created_at) VALUES (@envelope, @now)";

    private Dictionary<string, NpgsqlCommand>? _commands;
    private DateTimeOffset _now = now;

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public NpgsqlConnection Npgsql => connection;

    public DateTimeOffset Now => _now;

    public CancellationToken CancellationToken => cancellationToken;

    public int Published { get; private set; }

    public List<Action>? Committed { get; private set; }

    public void OnCommitted(Action action) => (Committed ??= []).Add(action);

    public NpgsqlCommand Prepared(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        _commands ??= new Dictionary<string, NpgsqlCommand>(StringComparer.Ordinal);
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { ParameterName = name });
            }

            _commands.Add(sql, command);
        }

        if (command.Parameters.Count != parameters.Length)
        {
            throw new InvalidOperationException($"A cached command was given {parameters.Length} parameters, not {command.Parameters.Count}: {sql}");
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.Parameters[i];
            if (!string.Equals(parameter.ParameterName, parameters[i].Name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"A cached command was given parameter {parameters[i].Name} where it expects {parameter.ParameterName}: {sql}");
            }

            parameter.Value = PostgresValues.ToDb(parameters[i].Value);
        }

        return command;
    }

    DbCommand IWriteScope.Prepared(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) => Prepared(sql, parameters);

    /// <summary>The adapter's own scope: its ports take part only in transactions of their own database.</summary>
    public static PostgresWriteScope Of(IWriteScope scope) =>
        scope as PostgresWriteScope ?? throw new ArgumentException("The PostgreSQL adapter takes part only in write scopes of its own database.", nameof(scope));

    public async Task PublishAsync(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        await Prepared(InsertOutbox, ("envelope", envelope.ToJson()), ("now", _now.ToUniversalTime())).ExecuteNonQueryAsync(cancellationToken);
        Published++;
    }

    /// <summary>One round trip: the writes and the outbox rows go to the server as one batch (Npgsql pipelines them).</summary>
    public async Task WriteAllAsync(IReadOnlyList<SqlWrite> writes, IReadOnlyList<EventEnvelope> events)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(events);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var write in writes)
        {
            var command = new NpgsqlBatchCommand(write.Sql);
            foreach (var (name, value) in write.Parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { ParameterName = name, Value = PostgresValues.ToDb(value) });
            }

            batch.BatchCommands.Add(command);
        }

        var now = _now.ToUniversalTime();
        foreach (var envelope in events)
        {
            var command = new NpgsqlBatchCommand(InsertOutbox);
            command.Parameters.Add(new NpgsqlParameter { ParameterName = "envelope", Value = envelope.ToJson() });
            command.Parameters.Add(new NpgsqlParameter { ParameterName = "now", Value = now });
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        Published += events.Count;
    }

    /// <summary>
    /// A transaction-scoped advisory lock on the key's 64-bit hash: released at commit or rollback, never left behind
    /// by a crash. Under read committed every statement after it sees the previous holder's commit. <see cref="Now"/>
    /// moves on to when the lock was taken: a writer that waited behind another must not stamp its change earlier than
    /// the one it waited for (a bid placed after another, with an earlier time, would shift a soft close).
    /// </summary>
    public Task LockAsync(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (heldLock is not null)
        {
            // A grouped transaction holds its key for several callers; a second lock could wait in a circle with a
            // writer that holds that one and waits for this key.
            return string.Equals(key, heldLock, StringComparison.Ordinal)
                ? Task.CompletedTask
                : throw new InvalidOperationException($"A write grouped under the lock '{heldLock}' cannot take another ('{key}').");
        }

        return TakeLockAsync(key);
    }

    private async Task TakeLockAsync(string key)
    {
        await Prepared("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", ("key", key)).ExecuteNonQueryAsync(cancellationToken);
        var taken = clock.GetUtcNow();
        if (taken > _now)
        {
            _now = taken;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands?.Values ?? (IEnumerable<NpgsqlCommand>)[])
        {
            await command.DisposeAsync();
        }

        _commands = null;
    }
}
