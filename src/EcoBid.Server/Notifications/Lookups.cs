using Dapper;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Notifications;

/// <summary>The names notifications mention, read in the handler's transaction; a missing row reads as a neutral word.</summary>
public static class Lookups
{
    public static async Task<string> ItemTitleAsync(IWriteScope scope, string itemId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.Connection.QuerySingleOrDefaultAsync<string?>("SELECT title FROM items WHERE id = @itemId", new { itemId }, scope.Transaction) ?? "an item";
    }

    public static async Task<string> DisplayNameAsync(IWriteScope scope, string userId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.Connection.QuerySingleOrDefaultAsync<string?>("SELECT display_name FROM users WHERE id = @userId", new { userId }, scope.Transaction) ?? "Someone";
    }
}
