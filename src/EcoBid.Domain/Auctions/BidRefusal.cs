namespace EcoBid.Domain.Auctions;

/// <summary>Why a bid (or buy-now, or cancel) was not taken; <see cref="MinimumAmount"/> is the least bid that would be.</summary>
public sealed record BidRefusal(BidRefusal.Kind Reason, string Message, long? MinimumAmount = null)
{
    public enum Kind
    {
        /// <summary>The amount itself is not a valid bid (400).</summary>
        Invalid,

        /// <summary>This person may not do it (403): bidding on their own auction, cancelling another's.</summary>
        NotAllowed,

        /// <summary>The auction's state says no (409): too low, ended, cancelled, buy-now gone, bids placed.</summary>
        Conflict,
    }
}
