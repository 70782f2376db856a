using System.Text.Json;
using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Server.Handlers.Scheduled;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Handlers;

public sealed class DailyCleanupTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Account_tokens_that_expired_or_were_used_are_deleted_and_live_ones_kept()
    {
        var (user, _) = await _app.SignUpAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await _app.Database.WriteAsync(scope => scope.Connection.ExecuteAsync(
            """
            DELETE FROM account_tokens;
            INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at, used_at) VALUES
                ('expired', @Id, 'reset', @past, NULL),
                ('used', @Id, 'verify', @future, @past),
                ('live', @Id, 'reset', @future, NULL);
            """,
            new { user.Id, past = now - 60_000, future = now + 3_600_000 },
            scope.Transaction));

        await RunCleanupAsync();

        var left = await _app.Database.ReadAsync(c => c.QueryAsync<string>("SELECT token_hash FROM account_tokens"));
        left.ShouldBe(["live"]);
    }

    [Fact]
    public async Task Stored_bid_answers_older_than_the_retention_are_forgotten_and_newer_ones_kept()
    {
        var now = DateTimeOffset.UtcNow;
        await _app.Database.WriteAsync(scope => scope.Connection.ExecuteAsync(
            """
            INSERT INTO auction_requests (user_id, idempotency_key, request, response, created_at) VALUES
                ('u', 'old', '{}', '{}', @old), ('u', 'recent', '{}', '{}', @recent);
            """,
            new { old = (now - TimeSpan.FromDays(8)).ToUnixTimeMilliseconds(), recent = (now - TimeSpan.FromDays(6)).ToUnixTimeMilliseconds() },
            scope.Transaction));

        await RunCleanupAsync();

        (await _app.Database.ReadAsync(c => c.QueryAsync<string>("SELECT idempotency_key FROM auction_requests"))).ShouldBe(["recent"]);
    }

    /// <summary>Runs the DailyCleanup handler once, in a write transaction, as its schedule would.</summary>
    private Task RunCleanupAsync()
    {
        var handler = _app.Services.GetRequiredKeyedService<IEventHandler>(DailyCleanup.Target);
        return _app.Database.WriteAsync(async scope =>
        {
            await handler.HandleAsync(ScheduledEvent(), scope, CancellationToken.None);
            return 0;
        });
    }

    private static EventEnvelope ScheduledEvent()
    {
        using var detail = JsonDocument.Parse("{}");
        return new EventEnvelope
        {
            Id = Guid.NewGuid().ToString(),
            Source = "ecobid.scheduler",
            DetailType = "Scheduled Event",
            Time = DateTimeOffset.UtcNow,
            Detail = detail.RootElement.Clone(),
        };
    }
}
