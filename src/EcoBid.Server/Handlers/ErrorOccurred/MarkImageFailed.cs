using System.Text.Json;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Images.Processing;
using EcoBid.Server.Events;
using EcoBid.Server.Images;

namespace EcoBid.Server.Handlers.ErrorOccurred;

/// <summary>
/// When ProcessImage dead-letters a photo's ImageUploaded (it failed three times), the photo is marked failed, so its
/// owner sees that rather than "processing" for ever, and <c>ImageProcessed</c> says so. A redrive of the dead letter
/// processes it again (ProcessImage takes failed photos too).
/// </summary>
public sealed class MarkImageFailed(IImageStore images) : IEventHandler
{
    public const string Target = "MarkImageFailed";
    public const string ProblemCode = "processing_failed";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var failed = envelope.Read<Domain.Events.ErrorOccurred>();
        if (failed.Target != ImageUploaded.ProcessImage.Target)
        {
            return;
        }

        var problems = JsonSerializer.Serialize(
            new[] { new ImageProblem(ProblemCode, "The photo could not be processed; try another, or ask the operators (the attempt waits in the ProcessImage dead-letter queue).") },
            EcoBidJson.Web);
        if (await images.MarkFailedAsync(scope, failed.EventId, problems) is { } image)
        {
            await scope.PublishAsync(new Domain.Events.ImageProcessed(image.Id, image.ItemId, ImageStatus.Failed, null, null, [ProblemCode], scope.Now));
        }
    }
}
