using System.Data.Common;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EcoBid.Events.Postgres;

/// <summary>
/// The scale-out store. Unlike the embedded one there is no single writer and no group commit: every write takes a
/// pooled connection and a transaction of its own (read committed), and writers that touch the same rows wait on
/// PostgreSQL's row locks. Where the embedded adapter relies on being the only writer (taking due timers, receiving
/// messages, dispatching the outbox), this one locks the rows it takes (<c>FOR UPDATE SKIP LOCKED</c>) or deletes them
/// first, so any number of processes can share the database.
/// </summary>
public sealed partial class PostgresDatabase : IEventDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly RuntimeSignals _signals;

    public PostgresDatabase(IOptions<PostgresOptions> options, RuntimeSignals signals, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException("Postgres:ConnectionString is not set: the PostgreSQL store needs a connection string.");
        }

        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            // IWriteScope.Prepared hands out commands by SQL text; Npgsql prepares repeated statements per physical connection.
            builder.MaxAutoPrepare = Math.Max(0, settings.MaxAutoPrepare);
            builder.AutoPrepareMinUsages = 2;
        }

        ConnectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(builder);
        _signals = signals;
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    /// <summary>The connection string in use (with the preparation settings applied).</summary>
    public string ConnectionString { get; }

    internal NpgsqlDataSource DataSource => _dataSource;

    /// <inheritdoc/>
    public bool IsUnavailable(Exception exception) => PostgresOutage.Is(exception);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own and returns once it has committed; then wakes the relay if
    /// the work published, and runs the work's after-commit actions. A work that throws rolls back and its caller gets the
    /// exception.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        PostgresWriteScope scope;
        T result;
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            scope = new PostgresWriteScope(connection, transaction, Clock.GetUtcNow(), Clock, cancellationToken);
            try
            {
                result = await work(scope);
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                await scope.DisposeAsync();
            }
        }

        if (scope.Published > 0)
        {
            _signals.Outbox.Set();
        }

        foreach (var action in scope.Committed ?? [])
        {
            action();
        }

        return result;
    }

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await work(connection);
    }

    /// <summary>Checks the database answers a query (readiness).</summary>
    public Task<bool> PingAsync(CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_versions";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
        }, cancellationToken);

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
