using Dapper;
using EcoBid.Domain.Moderation;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.ItemCreated;

/// <summary>Rule-based text moderation: approves the item or flags it (flagged items stay out of search).</summary>
public sealed class ModerateItem(IOptions<ModerationOptions> options) : IEventHandler
{
    public const string Target = "Moderate";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var created = envelope.Read<Domain.Events.ItemCreated>();
        var verdict = TextModeration.Review($"{created.Title}\n{created.Description}", options.Value.BlockedTerms);
        await scope.Connection.ExecuteAsync(
            "UPDATE items SET moderation = @status, moderation_reasons = @reasons WHERE id = @id",
            new { status = verdict.Status, reasons = verdict.Reasons.Count == 0 ? null : string.Join(", ", verdict.Reasons), id = created.ItemId },
            scope.Transaction);
    }
}
