using EcoBid.Events.Storage;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Storage;

/// <summary>
/// The keys of <see cref="IWriteScope.LockAsync"/>, one per aggregate, so every writer that reads, decides and then
/// writes an aggregate names it the same way. Take the lock first in the transaction, before the reads it guards.
/// <para>
/// Order, where one transaction needs more than one: item, then user, then email; dispute, then reservation. An item
/// covers everything that hangs off it: its auction and bids, its reservations and waitlist, its photos. A write that
/// releases a reservation and offers the item to the next in line takes only the item: taking each waiting user too
/// could meet a reserve that holds that user and waits for the item. The sweeps (lapsed reservations, due auctions)
/// take item after item in one transaction; nothing else holds two items, so no two writers wait on each other in a circle.
/// </para>
/// Where a unique index already guarantees the invariant (one holding reservation per item, one rating per party per
/// pickup, one idempotency key per user), the lock only turns the index's error into the endpoint's own answer.
/// </summary>
public static class AggregateLocks
{
    public static Task ItemAsync(IWriteScope scope, string itemId) => Lock(scope, ItemKey(itemId));

    /// <summary>
    /// The item's key, for a write that holds it and nothing else
    /// (<see cref="IEventDatabase.WriteAsync{T}(string, Func{IWriteScope, Task{T}}, CancellationToken)"/>).
    /// </summary>
    public static string ItemKey(string itemId) => "item:" + itemId;

    public static Task UserAsync(IWriteScope scope, string userId) => Lock(scope, "user:" + userId);

    /// <summary>
    /// The leader NotifyOutbid remembers for an auction (<c>auction_leaders</c>, written by that handler alone). Not the
    /// item's lock: bids hold that one, and a handler holding it would take a turn from the bids on every bid.
    /// </summary>
    public static Task AuctionLeaderAsync(IWriteScope scope, string auctionId) => Lock(scope, "auction-leader:" + auctionId);

    /// <summary>An address being registered or taken: the check for an existing account and the insert.</summary>
    public static Task EmailAsync(IWriteScope scope, string email) => Lock(scope, "email:" + email.ToLowerInvariant());

    public static Task ReservationAsync(IWriteScope scope, string reservationId) => Lock(scope, "reservation:" + reservationId);

    public static Task DisputeAsync(IWriteScope scope, string disputeId) => Lock(scope, "dispute:" + disputeId);

    /// <summary>A bulk posting whose lines a task posts: a line re-run at the same time must not post its item twice.</summary>
    public static Task BulkPostingAsync(IWriteScope scope, string bulkId) => Lock(scope, "bulk-posting:" + bulkId);

    /// <summary>A refresh token by its hash: spending it, or seeing it spent twice, happens once.</summary>
    public static Task RefreshTokenAsync(IWriteScope scope, string tokenHash) => Lock(scope, "refresh-token:" + tokenHash);

    private static Task Lock(IWriteScope scope, string key)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.LockAsync(key);
    }
}
