namespace EcoBid.Server.Images;

/// <summary>A photo with its renditions (none until it is ready).</summary>
public sealed record StoredImage(ImageRecord Image, IReadOnlyList<RenditionRecord> Renditions);
