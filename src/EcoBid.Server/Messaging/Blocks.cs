using EcoBid.Events.Storage;
using EcoBid.Server.Events;

namespace EcoBid.Server.Messaging;

/// <summary>A block stops messages both ways: neither the blocker nor the blocked can write to the other.</summary>
public static class Blocks
{
    public static async Task<bool> BetweenAsync(IWriteScope scope, string userId, IEnumerable<string> others)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // One prepared lookup per other person (a conversation has one or two): both directions by primary key.
        foreach (var other in others.Where(o => o != userId).Distinct(StringComparer.Ordinal))
        {
            if (await scope.QueryFirstPreparedAsync<long>(
                "SELECT EXISTS (SELECT 1 FROM user_blocks WHERE (blocker_id = $user AND blocked_id = $other) OR (blocker_id = $other AND blocked_id = $user))",
                ("$user", userId),
                ("$other", other)) == 1)
            {
                return true;
            }
        }

        return false;
    }
}
