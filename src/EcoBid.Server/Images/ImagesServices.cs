using EcoBid.Events;
using EcoBid.Events.Rules;
using EcoBid.Images.Moderation;
using EcoBid.Images.Processing;
using EcoBid.Server.Blobs;
using EcoBid.Server.Blobs.S3;
using EcoBid.Server.Handlers.ErrorOccurred;
using EcoBid.Server.Handlers.ImageUploaded;
using EcoBid.Server.Handlers.ItemDeleted;
using EcoBid.Server.Handlers.Scheduled;
using EcoBid.Server.Hosting;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Images;

public static class ImagesServices
{
    /// <summary>
    /// Photos: options (<c>Images</c>, shared with EcoBid.Images' processing and moderation options), the blob store
    /// (a folder under the data directory), the photo store, upload signing, the processor (libvips is loaded only
    /// where a handler needs it) and the photo handlers.
    /// </summary>
    public static IServiceCollection AddEcoBidImages(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImagesOptions>(configuration.GetSection(ImagesOptions.Section));
        services.Configure<ImageProcessingOptions>(configuration.GetSection(ImageProcessingOptions.SectionName));
        services.Configure<ImageModerationOptions>(configuration.GetSection(ImageModerationOptions.SectionName));
        AddBlobStore(services, configuration);
        services.AddSingleton<IImageStore, SqliteImageStore>();
        services.AddSingleton<UploadSigner>();
        services.AddSingleton(provider => new ImageProcessor(provider.GetRequiredService<IOptions<ImageProcessingOptions>>().Value));
        services.AddSingleton<IImageModeration>(provider => new BasicImageModeration(provider.GetRequiredService<IOptions<ImageModerationOptions>>().Value));
        services.AddEventHandler<ProcessImage>(ProcessImage.Target);
        services.AddEventHandler<MarkImageFailed>(MarkImageFailed.Target);
        services.AddEventHandler<RemoveItemImages>(RemoveItemImages.Target);
        services.AddEventHandler<CleanupImages>(CleanupImages.Target);
        return services;
    }

    public static IEndpointRouteBuilder MapEcoBidImages(this IEndpointRouteBuilder routes)
    {
        routes.MapImagesApi();
        routes.MapUploadsApi();
        routes.MapRenditionsApi();
        return routes;
    }

    /// <summary>
    /// ProcessImage runs as many consumers as <c>Images:MaxConcurrency</c> allows images in processing at once (default
    /// 1), whatever the rules file says: a consumer waiting for the processor would hold a received message, and a
    /// crash would count that receive against an image that was never tried.
    /// </summary>
    public static RuleSet WithImageConcurrency(RuleSet rules, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var concurrency = Math.Max(1, configuration.GetSection(ImageProcessingOptions.SectionName).Get<ImageProcessingOptions>()?.MaxConcurrency ?? 1);
        return rules.Targets.TryGetValue(ProcessImage.Target, out var target) && target.Queue.Concurrency != concurrency
            ? new RuleSet(rules.Rules, [.. rules.Targets.Values.Select(t => t.Name == ProcessImage.Target ? t with { Queue = t.Queue with { Concurrency = concurrency } } : t)])
            : rules;
    }

    /// <summary><c>Images:BlobStore</c>: <c>folder</c> (default, <c>Images:BlobPath</c>) or <c>s3</c> (<c>Images:S3:*</c>), the store all processes share.</summary>
    private static void AddBlobStore(IServiceCollection services, IConfiguration configuration)
    {
        var kind = configuration[$"{ImagesOptions.Section}:BlobStore"] ?? "folder";
        if (string.Equals(kind, "s3", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton(_ => new S3BlobStore(configuration.GetSection(S3BlobStoreOptions.Section).Get<S3BlobStoreOptions>() ?? new S3BlobStoreOptions()));
            services.AddSingleton<IBlobStore>(provider => provider.GetRequiredService<S3BlobStore>());
            services.AddHostedService<BlobStoreStartupCheck>();
            return;
        }

        if (!string.Equals(kind, "folder", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Images:BlobStore is '{kind}'; it must be 'folder' or 's3'.");
        }

        services.AddSingleton<IBlobStore>(provider =>
        {
            var configured = provider.GetRequiredService<IOptions<ImagesOptions>>().Value.BlobPath;
            return new LocalFolderBlobStore(string.IsNullOrWhiteSpace(configured) ? Path.Combine(EcoBidPaths.DataDir(configuration), "blobs") : configured);
        });
    }
}
