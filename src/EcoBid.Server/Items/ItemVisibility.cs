using System.Security.Claims;
using EcoBid.Domain.Moderation;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Identity;

namespace EcoBid.Server.Items;

/// <summary>
/// Who may see an item. One flagged by moderation waits for review: to everyone but its owner and admins it does not
/// exist (404), so nobody can read, reserve, bid on or ask about it through a direct link.
/// </summary>
public static class ItemVisibility
{
    public static bool IsHiddenFrom(string moderation, string? sellerId, ClaimsPrincipal? viewer)
    {
        if (moderation != TextModeration.Flagged)
        {
            return false;
        }

        var viewerId = viewer?.Identity?.IsAuthenticated == true ? viewer.Id() : null;
        return viewerId is null || (viewerId != sellerId && !viewer!.IsAdmin());
    }

    public static bool IsHiddenFrom(ItemRecord item, ClaimsPrincipal? viewer)
    {
        ArgumentNullException.ThrowIfNull(item);
        return IsHiddenFrom(item.Moderation, item.SellerId, viewer);
    }

    /// <summary>Whether the item is hidden from the viewer, read in the caller's transaction (false when it does not exist).</summary>
    public static async Task<bool> IsHiddenFromAsync(IWriteScope scope, string itemId, ClaimsPrincipal viewer)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var row = await scope.QueryFirstPreparedAsync<ModerationRow>("SELECT moderation AS Moderation, seller_id AS SellerId FROM items WHERE id = @id", ("@id", itemId));
        return row is not null && IsHiddenFrom(row.Moderation, row.SellerId, viewer);
    }

    private sealed record ModerationRow(string Moderation, string? SellerId);
}
