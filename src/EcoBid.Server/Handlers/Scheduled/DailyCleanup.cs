using EcoBid.Events;
using EcoBid.Events.Archive;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Auctions;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.Scheduled;

/// <summary>
/// The seeds' DailyCleanup (<c>cron(0 2 * * ? *)</c>): forgets inbox marks older than the retention, which is far
/// longer than any message can wait for a redelivery, so de-duplication is unaffected; prunes archived events past
/// <c>Archive:RetentionDays</c> (kept forever by default); deletes account tokens (verification, reset) that have
/// expired or been used, which can never be spent again; and forgets the stored answers of bids older than
/// <c>Auctions:IdempotencyRetention</c>; and forgets failed sign-in counts of addresses that are not locked and have
/// been quiet for a day.
/// </summary>
public sealed class DailyCleanup(IInbox inbox, ArchiveRetention archive, IOptions<RuntimeOptions> options, IOptions<AuctionsOptions> auctions) : IEventHandler
{
    public const string Target = "DailyCleanup";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await inbox.PruneAsync(scope, scope.Now - options.Value.InboxRetention);
        await archive.PruneExpiredAsync(scope);
        await using var tokens = scope.Command(
            "DELETE FROM account_tokens WHERE expires_at < @now OR used_at IS NOT NULL", ("@now", scope.Now.ToUnixTimeMilliseconds()));
        await tokens.ExecuteNonQueryAsync(cancellationToken);
        await using var answers = scope.Command(
            "DELETE FROM auction_requests WHERE created_at < @cutOff", ("@cutOff", (scope.Now - auctions.Value.IdempotencyRetention).ToUnixTimeMilliseconds()));
        await answers.ExecuteNonQueryAsync(cancellationToken);
        await Identity.LoginThrottle.ForgetQuietAsync(scope, TimeSpan.FromDays(1));
    }
}
