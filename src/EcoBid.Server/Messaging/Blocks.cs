using Dapper;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Messaging;

/// <summary>A block stops messages both ways: neither the blocker nor the blocked can write to the other.</summary>
public static class Blocks
{
    public static async Task<bool> BetweenAsync(IWriteScope scope, string userId, IEnumerable<string> others)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var ids = others.Where(o => o != userId).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return false;
        }

        return await scope.Connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM user_blocks WHERE (blocker_id = @userId AND blocked_id IN @ids) OR (blocked_id = @userId AND blocker_id IN @ids))",
            new { userId, ids },
            scope.Transaction);
    }
}
