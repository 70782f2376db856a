namespace EcoBid.Server.Auctions;

public sealed record SoftCloseView(long WindowSeconds, long MaxExtensionSeconds);
