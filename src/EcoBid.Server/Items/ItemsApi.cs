using EcoBid.Domain.Items;
using EcoBid.Events.Storage;
using EcoBid.Server.Auctions;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Images;
using EcoBid.Server.Items.Search;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Items;

public static class ItemsApi
{
    public static IEndpointRouteBuilder MapItemsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/items").WithTags("Items");
        group.MapPost("/", CreateItem).RequireAuthorization().WithName("CreateItem").WithSummary("Posts an item; ItemCreated commits with it.");
        group.MapGet("/{id}", GetItem).ProducesProblem(404).WithName("GetItem").WithSummary("One item.");
        group.MapGet("/", SearchItems).WithName("SearchItems").WithSummary("Approved items near a place, by category, mode, status and words; nearest, newest or most relevant first, a page at a time.");
        return routes;
    }

    public static async Task<Results<Created<ItemResponse>, ValidationProblem>> CreateItem(
        CreateItemRequest request, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var newItem = ItemPosting.ToNewItem(request);
        var errors = ItemPosting.Validate(newItem);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var sellerId = user.Id();
        var item = await database.WriteAsync(scope => ItemPosting.CreateAsync(scope, sellerId, newItem), cancellationToken);
        return TypedResults.Created($"/items/{item.Id}", ItemResponse.From(item) with { Images = [] });
    }

    public static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> GetItem(
        string id, ClaimsPrincipal user, IEventDatabase database, IImageStore images, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (item, auction, photos) = await database.ReadAsync(async connection =>
        {
            var found = await ItemStore.FindAsync(connection, id);
            var auction = found?.Mode == ItemMode.Auction ? await AuctionViews.ForItemAsync(connection, id, AuctionViews.ViewerId(user), clock.GetUtcNow()) : null;
            var photos = found is null ? [] : await images.ForItemAsync(connection, found.Id);
            return (found, auction, photos);
        }, cancellationToken);
        if (item is null || ItemVisibility.IsHiddenFrom(item, user))
        {
            return Problems.NotFound($"No item '{Shorten(id)}'.");
        }

        var owner = AuctionViews.ViewerId(user) == item.SellerId;
        var visible = ItemPhotos.VisibleTo(photos, owner, clock.GetUtcNow());
        return TypedResults.Ok(ItemResponse.From(item) with
        {
            Auction = auction,
            Images = visible,
            Cover = visible.FirstOrDefault(p => p.Status == ImageStatus.Ready) is { } cover ? cover with { Problems = [] } : null,
        });
    }

    public static async Task<Results<Ok<ItemSearchResponse>, ValidationProblem>> SearchItems(
        [AsParameters] SearchItemsRequest request, IEventDatabase database, IImageStore images, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (query, errors) = ItemSearchQueryParser.Parse(request);
        if (query is null)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await database.ReadAsync(async connection =>
        {
            var found = await ItemSearch.RunAsync(connection, query, cancellationToken);
            var auctions = await AuctionViews.ForItemsAsync(connection, [.. found.Items.Where(i => i.Mode == ItemMode.Auction).Select(i => i.Id)], clock.GetUtcNow());
            var covers = await images.CoversAsync(connection, [.. found.Items.Select(i => i.Id)]);
            return found with { Items = [.. found.Items.Select(i => i with { Auction = auctions.GetValueOrDefault(i.Id), Cover = ItemPhotos.Cover(covers, i.Id) })] };
        }, cancellationToken));
    }

    private static string Shorten(string id) => id.Length <= 64 ? id : id[..64] + "…";
}
