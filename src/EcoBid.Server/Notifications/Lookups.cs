using EcoBid.Events.Storage;
using EcoBid.Server.Events;

namespace EcoBid.Server.Notifications;

/// <summary>The names notifications mention, read in the handler's transaction; a missing row reads as a neutral word.</summary>
public static class Lookups
{
    public static async Task<string> ItemTitleAsync(IWriteScope scope, string itemId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.QueryFirstPreparedAsync<string>("SELECT title FROM items WHERE id = @id", ("@id", itemId)) ?? "an item";
    }

    public static async Task<string> DisplayNameAsync(IWriteScope scope, string userId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.QueryFirstPreparedAsync<string>("SELECT display_name FROM users WHERE id = @id", ("@id", userId)) ?? "Someone";
    }

    /// <summary>The locale a person reads in (<see cref="Identity.Locales"/>); someone gone reads the default.</summary>
    public static async Task<string> LocaleAsync(IWriteScope scope, string userId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.QueryFirstPreparedAsync<string>("SELECT locale FROM users WHERE id = @id", ("@id", userId)) ?? Identity.Locales.Default;
    }
}
