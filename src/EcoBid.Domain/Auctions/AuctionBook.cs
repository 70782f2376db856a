namespace EcoBid.Domain.Auctions;

/// <summary>
/// Proxy bidding as pure functions: each takes the auction's state and an instant and returns the next state. The
/// server runs them inside one write transaction per bid (read, decide, write, with no other writer in between); the
/// contention test replays the accepted bids through the same functions and must arrive at the same state.
/// </summary>
public static class AuctionBook
{
    /// <summary>A new auction, open from <paramref name="at"/> for the terms' duration.</summary>
    public static AuctionState Open(AuctionTerms terms, string sellerId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var end = at + terms.Duration;
        return new AuctionState { SellerId = sellerId, Terms = terms, StartsAt = at, OriginalEnd = end, EffectiveEnd = end };
    }

    /// <summary>Whether a bid at <paramref name="at"/> is in time: the end is exclusive.</summary>
    public static bool IsOpenAt(AuctionState state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status == AuctionStatus.Open && at >= state.StartsAt && at < state.EffectiveEnd;
    }

    /// <summary>The least maximum a new bid may name: the start price, then the price plus one increment.</summary>
    public static long MinimumBid(AuctionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Price is { } price ? price + state.Terms.Increments.At(price) : state.Terms.StartPrice;
    }

    /// <summary>
    /// The visible price for the two highest maxima: the runner-up's maximum plus one increment, but never above the
    /// leader's maximum; the start price with a single bidder. Below the reserve, the leader's maximum counts in full
    /// up to the reserve, so the price shows whether the reserve is met.
    /// </summary>
    public static long PriceFor(AuctionTerms terms, long leaderMax, long? runnerUpMax)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var price = runnerUpMax is { } second ? Math.Min(leaderMax, second + terms.Increments.At(second)) : terms.StartPrice;
        return terms.ReservePrice is { } reserve ? Math.Max(price, Math.Min(leaderMax, reserve)) : price;
    }

    /// <summary>Buy-now is offered until the first bid, and after it for as long as a reserve is unmet.</summary>
    public static bool BuyNowOffered(AuctionState state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Terms.BuyNowPrice is not null && IsOpenAt(state, at) && (state.BidCount == 0 || (state.Terms.ReservePrice is not null && !state.ReserveMet));
    }

    /// <summary>Takes a bid, or says why not. Ties go to the earlier bid: an equal maximum does not displace the leader.</summary>
    public static BidOutcome Apply(AuctionState state, BidAttempt bid)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(bid);
        if (RefuseClosed(state, bid.BidderId, bid.At) is { } closed)
        {
            return Refused(state, closed);
        }

        if (bid.MaxAmount is < 1 or > AuctionLimits.MaxAmount)
        {
            return Refused(state, new(BidRefusal.Kind.Invalid, $"The maximum is a whole number of minor units (cents) from 1 to {AuctionLimits.MaxAmount}."));
        }

        var minimum = MinimumBid(state);
        var next = state;
        if (bid.BidderId == state.LeaderId)
        {
            // The leader raising their own maximum competes with nobody: the price moves only towards the reserve.
            var least = Math.Max(minimum, state.LeaderMax!.Value + 1);
            if (bid.MaxAmount < least)
            {
                return Refused(state, new(BidRefusal.Kind.Conflict, $"You lead with a maximum of {state.LeaderMax}; a new maximum is at least {least}.", least));
            }

            next = state with { LeaderMax = bid.MaxAmount };
        }
        else if (bid.MaxAmount < minimum)
        {
            return Refused(state, new(BidRefusal.Kind.Conflict, $"The least bid now is {minimum}.", minimum));
        }
        else if (state.LeaderId is null)
        {
            next = state with { LeaderId = bid.BidderId, LeaderMax = bid.MaxAmount };
        }
        else if (bid.MaxAmount > state.LeaderMax)
        {
            next = state with { LeaderId = bid.BidderId, LeaderMax = bid.MaxAmount, RunnerUpMax = state.LeaderMax };
        }
        else
        {
            // Every maximum below the leader's is at most the visible price, so this bid is the new runner-up.
            next = state with { RunnerUpMax = bid.MaxAmount };
        }

        next = next with { Price = PriceFor(state.Terms, next.LeaderMax!.Value, next.RunnerUpMax), BidCount = state.BidCount + 1 };
        return new BidOutcome(state, SoftClose(state, next, bid.At), null);
    }

    /// <summary>Buys at the buy-now price: the buyer leads at that price and the auction ends at this instant.</summary>
    public static BidOutcome BuyNow(AuctionState state, string buyerId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (RefuseClosed(state, buyerId, at) is { } closed)
        {
            return Refused(state, closed);
        }

        if (!BuyNowOffered(state, at))
        {
            return Refused(state, new(BidRefusal.Kind.Conflict, state.Terms.BuyNowPrice is null
                ? "This auction has no buy-now price."
                : "Buy-now is no longer offered: the auction has bids that meet the reserve (or has no reserve)."));
        }

        var price = state.Terms.BuyNowPrice!.Value;
        var bought = state with
        {
            LeaderId = buyerId,
            LeaderMax = price,
            RunnerUpMax = state.LeaderId == buyerId ? state.RunnerUpMax : state.LeaderMax,
            Price = price,
            BidCount = state.BidCount + 1,
            EffectiveEnd = at,
        };
        return new BidOutcome(state, bought, null);
    }

    /// <summary>Closes the auction if its effective end has come; null while it is still open (or already closed).</summary>
    public static AuctionResult? Close(AuctionState state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status != AuctionStatus.Open || at < state.EffectiveEnd)
        {
            return null;
        }

        var closed = state with { Status = AuctionStatus.Ended };
        return closed.LeaderId is { } leader && closed.ReserveMet
            ? new AuctionResult(closed, true, leader, closed.Price)
            : new AuctionResult(closed, false, null, null);
    }

    /// <summary>The seller may cancel until the first bid, never after it.</summary>
    public static BidRefusal? CanCancel(AuctionState state, string userId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (userId != state.SellerId)
        {
            return new(BidRefusal.Kind.NotAllowed, "Only the seller can cancel the auction.");
        }

        if (state.BidCount > 0)
        {
            return new(BidRefusal.Kind.Conflict, $"The auction has {state.BidCount} bid(s); it cannot be cancelled once anyone has bid.");
        }

        return IsOpenAt(state, at) ? null : new(BidRefusal.Kind.Conflict, $"The auction is {(state.Status == AuctionStatus.Open ? "over" : state.Status)}.");
    }

    /// <summary>
    /// A price-moving bid within the window before the end moves the end to the bid's time plus the window, up to the
    /// cap. A leader's raise that leaves the price where it was gives nobody anything to answer, so it does not.
    /// </summary>
    private static AuctionState SoftClose(AuctionState before, AuctionState after, DateTimeOffset at)
    {
        var rule = before.Terms.SoftClose;
        if (rule.Window <= TimeSpan.Zero || after.Price == before.Price)
        {
            return after;
        }

        var proposed = at + rule.Window;
        var end = proposed < before.LatestEnd ? proposed : before.LatestEnd;
        return end > before.EffectiveEnd ? after with { EffectiveEnd = end } : after;
    }

    private static BidRefusal? RefuseClosed(AuctionState state, string userId, DateTimeOffset at)
    {
        if (state.Status == AuctionStatus.Cancelled)
        {
            return new(BidRefusal.Kind.Conflict, "The seller cancelled this auction.");
        }

        if (state.Status == AuctionStatus.Ended || at >= state.EffectiveEnd)
        {
            return new(BidRefusal.Kind.Conflict, $"The auction ended at {state.EffectiveEnd.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} (the end itself is too late).");
        }

        if (at < state.StartsAt)
        {
            return new(BidRefusal.Kind.Conflict, "The auction has not started.");
        }

        return userId == state.SellerId ? new(BidRefusal.Kind.NotAllowed, "You cannot bid on your own auction.") : null;
    }

    private static BidOutcome Refused(AuctionState state, BidRefusal refusal) => new(state, state, refusal);
}
