using System.Globalization;
using EcoBid.Domain.Events;
using EcoBid.Server.Blobs;
using EcoBid.Server.Events;
using EcoBid.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EcoBid.Server.Images;

/// <summary>
/// The signed upload: the photo's raw bytes PUT to the URL <see cref="ImagesApi.CreateImage"/> issued, with no bearer
/// token (the signature is the authority, as with an S3 presigned PUT). The body streams to the blob store, hashed on
/// the way; the photo's row and <c>ImageUploaded</c> then commit together, which sets ProcessImage going.
/// </summary>
public static class UploadsApi
{
    public static string PathOf(string imageId) => $"/uploads/{imageId}";

    public static IEndpointRouteBuilder MapUploadsApi(this IEndpointRouteBuilder routes)
    {
        var maxBytes = routes.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EcoBid.Images.Processing.ImageProcessingOptions>>().Value.MaxBytes;
        routes.MapPut("/uploads/{imageId}", RuntimeBinding.Of(Upload))
            .WithTags("Photos")
            .WithName("UploadImage")
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes))
            .Accepts<Stream>("image/jpeg", "image/png", "image/webp", "image/avif")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status411LengthRequired)
            .WithSummary("Uploads a photo's bytes to a signed URL from POST /items/{id}/images. RAW BYTES, NOT JSON; NO BEARER TOKEN.")
            .WithDescription(
                "The body is the photo file itself, sent with exactly the Content-Type and Content-Length the URL was issued " +
                "for (the URL's signature binds them, its expiry and the path). Once only: a second upload to the same URL is " +
                "409. A wrong or expired signature, or another type or length, is 403 and nothing is stored. The answer is the " +
                "photo, now processing; GET /items/{id}/images/{imageId} shows when it is ready or why it was refused.");
        return routes;
    }

    public static async Task<Results<Ok<ImageResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        string imageId, string? expires, string? signature, HttpContext http, [AsParameters] ImageEndpointServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(services);
        var request = http.Request;
        if (string.IsNullOrEmpty(signature) || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return Forbidden("This is not a signed upload URL: ask POST /items/{id}/images for one.");
        }

        if (request.ContentLength is not { } length)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status411LengthRequired, title: "Length required.", detail: "Send the photo with a Content-Length header (not chunked).");
        }

        var contentType = request.ContentType ?? string.Empty;
        if (!services.Signer.Verify(HttpMethods.Put, PathOf(imageId), expiresAt, contentType, length, signature))
        {
            return Forbidden("The signature does not match this request: the URL, its expiry, the Content-Type and the Content-Length must be exactly those it was issued for.");
        }

        if (services.Clock.GetUtcNow().ToUnixTimeSeconds() > expiresAt)
        {
            return Forbidden($"The upload URL expired at {DateTimeOffset.FromUnixTimeSeconds(expiresAt):u}; ask for a new one.");
        }

        var image = await services.Database.ReadAsync(connection => services.Images.FindAsync(connection, imageId), cancellationToken);
        if (image is null)
        {
            return Problems.NotFound("The photo this URL was issued for is gone.");
        }

        if (image.Status != ImageStatus.AwaitingUpload)
        {
            return Problems.Conflict("This URL has been used: the photo's bytes arrived already. Ask for a new URL to add another photo.");
        }

        var key = ImageBlobNames.Original(imageId);
        string digest;
        await using (var hashing = new Sha256ReadStream(request.Body))
        {
            try
            {
                await services.Blobs.PutAsync(key, hashing, length, contentType, cancellationToken);
            }
            catch (BlobLengthException ex)
            {
                return Problems.Validation("body", ex.Message);
            }

            digest = hashing.HexDigest();
        }

        if (image.Sha256 is { } declared && declared != digest)
        {
            await BlobDeletion.DeleteQuietlyAsync(services.Blobs, [key], services.Logger, CancellationToken.None);
            return Problems.Validation("body", $"The bytes' SHA-256 is {digest}, not the {declared} declared for this photo; nothing was stored.");
        }

        var uploaded = await services.Database.WriteAsync(async scope =>
        {
            var envelope = DomainEventPublishing.Envelope(new ImageUploaded(imageId, image.ItemId, key, contentType, length, scope.Now), scope.Now);
            if (!await services.Images.MarkUploadedAsync(scope, imageId, key, envelope.Id))
            {
                return null;
            }

            await scope.PublishAsync(envelope);
            return await services.Images.FindAsync(scope.Connection, imageId, scope.Transaction);
        }, cancellationToken);
        if (uploaded is null)
        {
            // Another upload to the same URL won the race, or the photo was deleted meanwhile: this one's bytes go.
            await BlobDeletion.DeleteQuietlyAsync(services.Blobs, [key], services.Logger, CancellationToken.None);
            return Problems.Conflict("This URL has been used: the photo's bytes arrived already. Ask for a new URL to add another photo.");
        }

        http.Response.Headers.ETag = $"\"{digest}\"";
        return TypedResults.Ok(ImageResponse.From(new StoredImage(uploaded, []), forOwner: true));
    }

    private static ProblemHttpResult Forbidden(string detail) => Problems.Forbidden(detail);
}
