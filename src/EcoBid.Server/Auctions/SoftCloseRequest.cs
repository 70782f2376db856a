namespace EcoBid.Server.Auctions;

/// <summary>A price-moving bid in the last <see cref="WindowSeconds"/> moves the end to its time plus that, up to <see cref="MaxExtensionSeconds"/> in all.</summary>
public sealed record SoftCloseRequest(long? WindowSeconds, long? MaxExtensionSeconds);
