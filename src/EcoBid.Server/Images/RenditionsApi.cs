using EcoBid.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace EcoBid.Server.Images;

/// <summary>
/// Serves ready photos' renditions at their content-hashed URLs: the bytes never change, so browsers and proxies may
/// keep them a year without asking again (<c>immutable</c>), and the hash is the ETag. Only renditions are served;
/// originals (which may carry the camera's metadata) have no route.
/// </summary>
public static class RenditionsApi
{
    public const string CacheForever = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapRenditionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/images/{imageId}/{file}", RuntimeBinding.Of(GetRendition))
            .WithTags("Photos")
            .WithName("GetRendition")
            .Produces<Stream>(StatusCodes.Status200OK, "image/webp", "image/jpeg")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A photo rendition by its URL from an item's images (…/{sha256}.webp or .jpg); cacheable forever, ETag is the hash.");

        // HEAD answers as GET without the body (HTTP implies it for every GET, so the API document leaves it out).
        routes.MapMethods("/images/{imageId}/{file}", [HttpMethods.Head], RuntimeBinding.Of(GetRendition)).ExcludeFromDescription();
        return routes;
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetRendition(
        string imageId, string file, HttpContext http, [AsParameters] ImageEndpointServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(services);
        if (!ImageBlobNames.TryParseFile(file, out var sha256, out var format))
        {
            return Problems.NotFound("No such photo.");
        }

        var rendition = await services.Database.ReadAsync(connection => services.Images.FindServableAsync(connection, imageId, sha256), cancellationToken);
        if (rendition is null || rendition.Format != format)
        {
            return Problems.NotFound("No such photo.");
        }

        var blob = await services.Blobs.OpenReadAsync(rendition.BlobKey, cancellationToken);
        if (blob is null)
        {
            return Problems.NotFound("No such photo.");
        }

        http.Response.Headers.CacheControl = CacheForever;
        http.Response.RegisterForDisposeAsync(blob);
        return TypedResults.Stream(blob.Content, rendition.ContentType, entityTag: new EntityTagHeaderValue($"\"{rendition.Sha256}\""));
    }
}
