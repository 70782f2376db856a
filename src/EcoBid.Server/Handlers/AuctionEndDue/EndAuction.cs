using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Auctions;

namespace EcoBid.Server.Handlers.AuctionEndDue;

/// <summary>
/// The seeds' EndAuction: the auction's end timer fired. The timer moves with every extension, so it fires at the
/// effective end; the close still checks the end it reads, and does nothing if the auction closed another way.
/// </summary>
public sealed class EndAuction(AuctionClosing closing) : IEventHandler
{
    public const string Target = "EndAuction";

    public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken) =>
        closing.CloseIfDueAsync(scope, envelope.Read<Domain.Events.AuctionEndDue>().AuctionId);
}
