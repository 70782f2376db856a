using Dapper;
using EcoBid.Domain.Moderation;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Items;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.ItemCreated;

/// <summary>
/// Rule-based text moderation on ItemCreated and ItemUpdated: approves the item or flags it (flagged items stay out of
/// search). It reviews the item's current text, so a late event never undoes a newer verdict.
/// </summary>
public sealed class ModerateItem(IOptions<ModerationOptions> options) : IEventHandler
{
    public const string Target = "Moderate";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var item = await ItemStore.FindAsync(scope.Connection, envelope.Detail.GetProperty("itemId").GetString()!, scope.Transaction);
        if (item is null)
        {
            return;
        }

        var verdict = TextModeration.Review($"{item.Title}\n{item.Description}", options.Value.BlockedTerms);
        await scope.Connection.ExecuteAsync(
            "UPDATE items SET moderation = @status, moderation_reasons = @reasons WHERE id = @id",
            new { status = verdict.Status, reasons = verdict.Reasons.Count == 0 ? null : string.Join(", ", verdict.Reasons), id = item.Id },
            scope.Transaction);
    }
}
