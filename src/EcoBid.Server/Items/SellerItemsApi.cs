using System.Globalization;
using System.Security.Claims;
using Dapper;
using EcoBid.Domain.Items;
using EcoBid.Domain.Moderation;
using EcoBid.Domain.Validation;
using EcoBid.Events.Storage;
using EcoBid.Server.Auctions;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Images;
using Microsoft.AspNetCore.Http.HttpResults;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Items;

/// <summary>
/// A seller's listings: your own in every state (waiting for moderation, flagged, reserved, ended, withdrawn…), and
/// anyone's as others may see them (approved, and available, reserved or given away). Newest first, a page at a time.
/// </summary>
public static class SellerItemsApi
{
    public const int MaxPageSize = 100;

    /// <summary>Moderation states a seller may filter their own listings by, beside the item statuses.</summary>
    public const string PendingModeration = "pending";

    private static readonly string[] PublicStatuses = [ItemStatus.Available, ItemStatus.Reserved, ItemStatus.PickedUp];

    public static IEndpointRouteBuilder MapSellerItemsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/users/me/items", RuntimeBinding.Of(Mine)).WithTags("Items").RequireAuthorization()
            .WithSummary("Your listings in every state, newest first; ?status= takes item statuses and the moderation states pending and flagged, comma-separated.");
        routes.MapGet("/users/{id}/items", RuntimeBinding.Of(OfUser)).WithTags("Items").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A person's listings as others see them: approved, and available, reserved or picked up; newest first.");
        return routes;
    }

    public static async Task<Results<Ok<CursorPage<ItemResponse>>, ValidationProblem>> Mine(
        string? status, string? cursor, int? limit, ClaimsPrincipal user, IEventDatabase database, IImageStore images, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var wanted = Statuses(errors, status, [.. ItemStatus.All, PendingModeration, TextModeration.Flagged]);
        var page = Page(errors, cursor, limit);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var statuses = wanted.Where(s => ItemStatus.All.Contains(s)).ToList();
        var moderation = wanted.Where(s => s is PendingModeration or TextModeration.Flagged).ToList();
        return TypedResults.Ok(await ListAsync(
            database, images, user.Id(), statuses, moderation, publicOnly: false, page, AuctionViews.ViewerId(user), clock.GetUtcNow(), cancellationToken));
    }

    public static async Task<Results<Ok<CursorPage<ItemResponse>>, ValidationProblem, ProblemHttpResult>> OfUser(
        string id, string? status, string? cursor, int? limit, ClaimsPrincipal user, IEventDatabase database, IImageStore images, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var wanted = Statuses(errors, status, PublicStatuses);
        var page = Page(errors, cursor, limit);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        if (await database.ReadAsync(connection => AccountStore.FindByIdAsync(connection, id), cancellationToken) is null)
        {
            return Problems.NotFound("No such user.");
        }

        var statuses = wanted.Count == 0 ? [.. PublicStatuses] : wanted;
        return TypedResults.Ok(await ListAsync(database, images, id, statuses, [], publicOnly: true, page, AuctionViews.ViewerId(user), clock.GetUtcNow(), cancellationToken));
    }

    private static async Task<CursorPage<ItemResponse>> ListAsync(
        IEventDatabase database, IImageStore images, string sellerId, List<string> statuses, List<string> moderation, bool publicOnly,
        (long? Before, int Take) page, string? viewerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ReadAsync(async connection =>
        {
            // Moderation states filter on the moderation column; item statuses on status; both given, either matches.
            var filters = new List<string>();
            if (statuses.Count > 0)
            {
                filters.Add("status IN @statuses");
            }

            if (moderation.Count > 0)
            {
                filters.Add("moderation IN @moderation");
            }

            var where = filters.Count == 0 ? string.Empty : $"AND ({string.Join(" OR ", filters)})";
            var visible = publicOnly ? "AND moderation = 'approved'" : string.Empty;
            var rows = (await connection.QueryAsync<ItemRecord>(
                SqlLists.For(connection, $"""
                SELECT {ItemStore.Columns} FROM items
                WHERE seller_id = @sellerId AND seq < @before {where} {visible}
                ORDER BY seq DESC LIMIT @take
                """),
                new { sellerId, before = page.Before ?? long.MaxValue, take = page.Take + 1, statuses, moderation })).AsList();
            var more = rows.Count > page.Take;
            var items = more ? rows[..page.Take] : rows;
            var auctions = await AuctionViews.ForItemsAsync(connection, [.. items.Where(i => i.Mode == ItemMode.Auction).Select(i => i.Id)], now);
            var covers = await images.CoversAsync(connection, [.. items.Select(i => i.Id)]);
            var views = new List<ItemResponse>(items.Count);
            foreach (var item in items)
            {
                // The seller's own listing shows their own figures (the reserve); others see the public auction.
                var auction = item.Mode != ItemMode.Auction ? null
                    : viewerId == sellerId ? await AuctionViews.ForItemAsync(connection, item.Id, viewerId, now)
                    : auctions.GetValueOrDefault(item.Id);
                views.Add(ItemResponse.From(item) with { Auction = auction, Cover = ItemPhotos.Cover(covers, item.Id) });
            }

            return new CursorPage<ItemResponse>(views, more ? items[^1].Seq.ToString(CultureInfo.InvariantCulture) : null);
        }, cancellationToken);

    private static List<string> Statuses(ValidationErrors errors, string? text, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var unknown = names.FirstOrDefault(n => !allowed.Contains(n));
        if (unknown is not null)
        {
            errors.Add("status", $"Unknown status '{(unknown.Length > 40 ? unknown[..40] + "…" : unknown)}'; use one or more of {string.Join(", ", allowed)}, separated by commas.");
        }

        return names;
    }

    private static (long? Before, int Take) Page(ValidationErrors errors, string? cursor, int? limit)
    {
        var take = limit ?? 20;
        if (take is < 1 or > MaxPageSize)
        {
            errors.Add("limit", $"The limit is between 1 and {MaxPageSize}.");
        }

        long? before = null;
        if (cursor is not null)
        {
            if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0)
            {
                before = seq;
            }
            else
            {
                errors.Add("cursor", "The cursor is not one a listing handed out: pass nextCursor unchanged.");
            }
        }

        return (before, take);
    }
}
