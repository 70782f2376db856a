using EcoBid.Events.Contracts;
using Npgsql;

namespace EcoBid.Events.Postgres.Tests;

/// <summary>
/// What the store calls an outage (a consumer then keeps its batch rather than spend the messages' receives) and what
/// it does not (a refused statement is the work's failure, retried and dead-lettered as usual).
/// </summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private PostgresRuntimeStore _store = null!;

    public async Task InitializeAsync() => _store = await PostgresRuntimeStore.CreateAsync(new ManualTimeProvider(DateTimeOffset.UtcNow));

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_write_whose_connection_the_server_ends_is_an_outage()
    {
        var failure = await Should.ThrowAsync<Exception>(() => _store.Database.WriteAsync(async scope =>
        {
            // What a server restart does to every open session: the administrator's termination (57P01).
            await using var self = new NpgsqlCommand("SELECT pg_terminate_backend(pg_backend_pid())", (NpgsqlConnection)scope.Connection, (NpgsqlTransaction)scope.Transaction);
            await self.ExecuteNonQueryAsync();
            return true;
        }));

        _store.Database.IsUnavailable(failure).ShouldBeTrue(failure.ToString());
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_an_outage()
    {
        var closedPort = new NpgsqlConnectionStringBuilder(_store.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 2 };
        await using var unreachable = new PostgresDatabase(
            Microsoft.Extensions.Options.Options.Create(new PostgresOptions { ConnectionString = closedPort.ConnectionString }), new Signals.RuntimeSignals(), TimeProvider.System);

        var failure = await Should.ThrowAsync<Exception>(() => unreachable.WriteAsync(_ => Task.FromResult(true)));

        unreachable.IsUnavailable(failure).ShouldBeTrue(failure.ToString());
    }

    [Fact]
    public async Task A_refused_statement_or_a_failing_work_is_not_an_outage()
    {
        var refused = await Should.ThrowAsync<PostgresException>(() => _store.Database.WriteAsync(async scope =>
        {
            await using var bad = new NpgsqlCommand("SELECT 1 / 0", (NpgsqlConnection)scope.Connection, (NpgsqlTransaction)scope.Transaction);
            return await bad.ExecuteScalarAsync();
        }));
        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => _store.Database.WriteAsync<bool>(_ => throw new InvalidOperationException("the handler's own bug")));

        _store.Database.IsUnavailable(refused).ShouldBeFalse();
        _store.Database.IsUnavailable(thrown).ShouldBeFalse();
    }
}
