using EcoBid.Events.Storage;
using EcoBid.Images.Processing;
using EcoBid.Server.Blobs;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Images;

/// <summary>What the photo endpoints use, bundled for <c>[AsParameters]</c>.</summary>
public sealed record ImageEndpointServices(
    IEventDatabase Database,
    IImageStore Images,
    IBlobStore Blobs,
    UploadSigner Signer,
    IOptions<ImagesOptions> Options,
    IOptions<ImageProcessingOptions> Processing,
    TimeProvider Clock,
    ILoggerFactory Logging)
{
    public ILogger Logger => Logging.CreateLogger("EcoBid.Server.Images");
}
