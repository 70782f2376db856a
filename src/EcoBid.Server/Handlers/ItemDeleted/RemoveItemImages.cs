using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Blobs;
using EcoBid.Server.Images;

namespace EcoBid.Server.Handlers.ItemDeleted;

/// <summary>
/// A deleted (withdrawn) item takes its photos with it: their blobs are deleted first, outside the transaction, then
/// their rows. Both steps can run again harmlessly; a rendition written by a ProcessImage still running is swept up
/// by the daily cleanup.
/// </summary>
public sealed class RemoveItemImages(IEventDatabase database, IImageStore images, IBlobStore blobs) : IPreparingEventHandler
{
    public const string Target = "RemoveItemImages";

    public async Task<object?> PrepareAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var itemId = envelope.Read<Domain.Events.ItemDeleted>().ItemId;
        var stored = await database.ReadAsync(connection => images.ForItemAsync(connection, itemId), cancellationToken);
        foreach (var image in stored)
        {
            foreach (var key in image.Renditions.Select(r => r.BlobKey).Append(image.Image.OriginalKey).OfType<string>())
            {
                await blobs.DeleteAsync(key, cancellationToken);
            }
        }

        return itemId;
    }

    public async Task HandleAsync(EventEnvelope envelope, object? prepared, IWriteScope scope, CancellationToken cancellationToken) =>
        await images.DeleteForItemAsync(scope, (string)prepared!);
}
