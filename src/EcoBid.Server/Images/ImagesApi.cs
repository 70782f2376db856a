using System.Globalization;
using System.Security.Claims;
using EcoBid.Domain.Items;
using EcoBid.Domain.Validation;
using EcoBid.Images.Formats;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Items;
using EcoBid.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Images;

/// <summary>
/// An item's photos: the owner asks for a signed upload URL per photo (the bytes go to <see cref="UploadsApi"/>),
/// deletes and reorders them; anyone reads the ready ones. See docs/images.md.
/// </summary>
public static class ImagesApi
{
    public static IEndpointRouteBuilder MapImagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/items/{id}/images").WithTags("Photos");
        group.MapPost("/", RuntimeBinding.Of(CreateImage)).RequireAuthorization().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateImage")
            .WithSummary("Adds a photo to your item: answers its id and a signed URL, valid 15 minutes, to PUT its bytes to (no bearer token there).");
        group.MapGet("/{imageId}", RuntimeBinding.Of(GetImage)).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetImage")
            .WithSummary("One photo: ready ones for anyone, every state (processing, rejected with problems…) for the item's owner.");
        group.MapDelete("/{imageId}", RuntimeBinding.Of(DeleteImage)).RequireAuthorization().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeleteImage")
            .WithSummary("Deletes a photo of your item, with its stored files.");
        group.MapPut("/order", RuntimeBinding.Of(ReorderImages)).RequireAuthorization().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ReorderImages")
            .WithSummary("Puts your item's photos in the order given (every photo id you are shown once); the first ready one is the cover.");
        return routes;
    }

    public static async Task<Results<Created<ImageUploadTicket>, ValidationProblem, ProblemHttpResult>> CreateImage(
        string id, CreateImageRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] ImageEndpointServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(services);
        var maxBytes = services.Processing.Value.MaxBytes;
        var errors = new ValidationErrors();
        var format = ImageFormat.FromContentType(request.ContentType);
        if (format is null || !format.IsAccepted)
        {
            errors.Add("contentType", "The content type must be image/jpeg, image/png, image/webp or image/avif.");
        }

        if (request.SizeBytes is not { } size || size < 1 || size > maxBytes)
        {
            errors.Add("sizeBytes", $"The size is the photo's exact length in bytes, 1 to {maxBytes.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        var sha256 = request.Sha256?.ToLowerInvariant();
        if (sha256 is not null && (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)))
        {
            errors.Add("sha256", "The SHA-256 is 64 hex digits, or left out.");
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var options = services.Options.Value;
        var (image, refused) = await services.Database.WriteAsync<(ImageRecord?, ProblemHttpResult?)>(async scope =>
        {
            await AggregateLocks.ItemAsync(scope, id);
            var item = await ItemStore.FindAsync(scope.Connection, id, scope.Transaction);
            if (ItemChangesApi.OwnershipProblem(item, user) is { } problem)
            {
                return (null, problem);
            }

            if (item!.Status is ItemStatus.Withdrawn or ItemStatus.PickedUp)
            {
                return (null, Problems.Conflict($"The item is {item.Status}; its photos cannot change."));
            }

            if (await services.Images.CountHeldAsync(scope, id) >= options.MaxImagesPerItem)
            {
                return (null, Problems.Conflict($"The item has {options.MaxImagesPerItem} photos already; delete one first."));
            }

            return (await services.Images.InsertAsync(scope, new ImageRecord
            {
                Id = Guid.CreateVersion7(scope.Now).ToString(),
                ItemId = item.Id,
                SellerId = item.SellerId!,
                Status = ImageStatus.AwaitingUpload,
                ContentType = format!.MimeType,
                SizeBytes = request.SizeBytes!.Value,
                Sha256 = sha256,
                CreatedAt = scope.Now.ToUnixTimeMilliseconds(),
                UploadExpiresAt = scope.Now.Add(options.UploadUrlLifetime).ToUnixTimeMilliseconds(),
            }), null);
        }, cancellationToken);
        if (image is null)
        {
            return refused!;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(image.UploadExpiresAt);
        var path = UploadsApi.PathOf(image.Id);
        var signature = services.Signer.Sign(HttpMethods.Put, path, expiresAt.ToUnixTimeSeconds(), image.ContentType, image.SizeBytes);
        var url = $"{PublicOrigin(http)}{path}?expires={expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}&signature={signature}";
        var headers = new UploadHeaders(image.ContentType, image.SizeBytes.ToString(CultureInfo.InvariantCulture));
        return TypedResults.Created(
            $"/items/{Uri.EscapeDataString(id)}/images/{image.Id}",
            new ImageUploadTicket(image.Id, image.Status, new UploadInstructions(HttpMethods.Put, url, headers, expiresAt)));
    }

    public static async Task<Results<Ok<ImageResponse>, ProblemHttpResult>> GetImage(
        string id, string imageId, ClaimsPrincipal user, [AsParameters] ImageEndpointServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (item, images) = await services.Database.ReadAsync(async connection =>
        {
            var found = await ItemStore.FindAsync(connection, id);
            return (found, found is null ? [] : await services.Images.ForItemAsync(connection, found.Id));
        }, cancellationToken);
        if (item is null || ItemVisibility.IsHiddenFrom(item, user))
        {
            return Problems.NotFound("No such item.");
        }

        var owner = user.Identity?.IsAuthenticated == true && user.Id() == item.SellerId;
        var visible = ItemPhotos.VisibleTo(images, owner, services.Clock.GetUtcNow());
        return visible.FirstOrDefault(i => i.Id == imageId) is { } image ? TypedResults.Ok(image) : Problems.NotFound("The item has no such photo.");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteImage(
        string id, string imageId, ClaimsPrincipal user, [AsParameters] ImageEndpointServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (keys, refused) = await services.Database.WriteAsync<(IReadOnlyList<string>?, ProblemHttpResult?)>(async scope =>
        {
            await AggregateLocks.ItemAsync(scope, id);
            var item = await ItemStore.FindAsync(scope.Connection, id, scope.Transaction);
            if (ItemChangesApi.OwnershipProblem(item, user) is { } problem)
            {
                return (null, problem);
            }

            var image = await services.Images.FindAsync(scope.Connection, imageId, scope.Transaction);
            if (image is null || image.ItemId != item!.Id)
            {
                return (null, Problems.NotFound("The item has no such photo."));
            }

            return (await services.Images.DeleteAsync(scope, imageId), null);
        }, cancellationToken);
        if (keys is null)
        {
            return refused!;
        }

        await BlobDeletion.DeleteQuietlyAsync(services.Blobs, keys, services.Logger, CancellationToken.None);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<IReadOnlyList<ImageResponse>>, ValidationProblem, ProblemHttpResult>> ReorderImages(
        string id, ReorderImagesRequest request, ClaimsPrincipal user, [AsParameters] ImageEndpointServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        return await services.Database.WriteAsync<Results<Ok<IReadOnlyList<ImageResponse>>, ValidationProblem, ProblemHttpResult>>(async scope =>
        {
            await AggregateLocks.ItemAsync(scope, id);
            var item = await ItemStore.FindAsync(scope.Connection, id, scope.Transaction);
            if (ItemChangesApi.OwnershipProblem(item, user) is { } problem)
            {
                return problem;
            }

            var current = await services.Images.ForItemAsync(scope.Connection, id, scope.Transaction);
            var wanted = request.ImageIds ?? [];
            // The photos the owner is shown; upload tickets whose URL lapsed are shown to nobody, so a client cannot
            // name them: they keep their places after the rest until cleanup forgets them.
            var known = ItemPhotos.VisibleTo(current, owner: true, scope.Now).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            if (wanted.Count != known.Count || wanted.Distinct(StringComparer.Ordinal).Count() != wanted.Count || !wanted.All(known.Contains))
            {
                return Problems.Validation("imageIds", $"Give every photo of the item once, in the new order: it has {known.Count}.");
            }

            var lapsed = current.Select(i => i.Image.Id).Where(imageId => !known.Contains(imageId));
            await services.Images.ReorderAsync(scope, id, [.. wanted, .. lapsed]);
            var reordered = await services.Images.ForItemAsync(scope.Connection, id, scope.Transaction);
            return TypedResults.Ok(ItemPhotos.VisibleTo(reordered, owner: true, scope.Now));
        }, cancellationToken);
    }

    /// <summary>
    /// Where clients reach this server: <c>PublicUrl</c> when configured (behind a proxy), otherwise the origin the
    /// request came to, so a browser uploads to the origin its page is on.
    /// </summary>
    public static string PublicOrigin(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["PublicUrl"];
        return string.IsNullOrWhiteSpace(configured)
            ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}"
            : configured.TrimEnd('/');
    }
}
