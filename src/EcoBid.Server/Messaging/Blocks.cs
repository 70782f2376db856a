using EcoBid.Events.Storage;
using EcoBid.Server.Events;

namespace EcoBid.Server.Messaging;

/// <summary>
/// A block stops messages both ways: neither the blocker nor the blocked can write to the other. It also keeps the
/// blocked person from reserving, waitlisting or bidding on the blocker's items (and the blocker from theirs).
/// </summary>
public static class Blocks
{
    /// <summary>Everyone with a block either way with <paramref name="userId"/>: who must not hear from them.</summary>
    public static async Task<IReadOnlySet<string>> AnyWayAsync(IWriteScope scope, string userId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var ids = await Dapper.SqlMapper.QueryAsync<string>(
            scope.Connection,
            "SELECT blocked_id FROM user_blocks WHERE blocker_id = @userId UNION SELECT blocker_id FROM user_blocks WHERE blocked_id = @userId",
            new { userId },
            scope.Transaction);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    private static readonly string OwnerAndUser = DirectionSql("@owner", "@user");

    /// <summary>Why <paramref name="userId"/> may not deal with <paramref name="ownerId"/>'s item, or null when they may.</summary>
    public static async Task<string?> RefusalAsync(IWriteScope scope, string userId, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (userId == ownerId)
        {
            return null;
        }

        var direction = await scope.QueryFirstPreparedAsync<string?>(OwnerAndUser, ("@owner", ownerId), ("@user", userId));
        return Refusal(userId, ownerId, direction);
    }

    /// <summary>
    /// A query for the block between <paramref name="owner"/> and <paramref name="user"/> (SQL expressions): 'owner'
    /// when the owner blocked the user (it wins when both did), 'user' when the user blocked the owner, else null. An
    /// aggregate rather than ORDER BY … LIMIT 1: SQLite does not let a subquery's ORDER BY name the outer query's columns.
    /// </summary>
    public static string DirectionSql(string owner, string user) => $"""
        SELECT CASE MAX(CASE WHEN blocker_id = {owner} THEN 2 ELSE 1 END) WHEN 2 THEN 'owner' WHEN 1 THEN 'user' END FROM user_blocks
        WHERE (blocker_id = {owner} AND blocked_id = {user}) OR (blocker_id = {user} AND blocked_id = {owner})
        """;

    /// <summary>The refusal for a block found by <see cref="DirectionSql"/> (null: none, or the user is the owner).</summary>
    public static string? Refusal(string userId, string ownerId, string? direction)
    {
        if (userId == ownerId)
        {
            return null;
        }

        return direction switch
        {
            "owner" => "The owner of this item has blocked you: you cannot reserve, join the waitlist for or bid on their items.",
            "user" => "You blocked the owner of this item: unblock them first to reserve, join the waitlist for or bid on their items.",
            _ => null,
        };
    }

    public static async Task<bool> BetweenAsync(IWriteScope scope, string userId, IEnumerable<string> others)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // One prepared lookup per other person (a conversation has one or two): both directions by primary key.
        foreach (var other in others.Where(o => o != userId).Distinct(StringComparer.Ordinal))
        {
            if (await scope.QueryFirstPreparedAsync<long>(
                "SELECT CASE WHEN EXISTS (SELECT 1 FROM user_blocks WHERE (blocker_id = @user AND blocked_id = @other) OR (blocker_id = @other AND blocked_id = @user)) THEN 1 ELSE 0 END",
                ("@user", userId),
                ("@other", other)) == 1)
            {
                return true;
            }
        }

        return false;
    }
}
