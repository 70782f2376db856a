namespace EcoBid.Server.Images;

/// <summary>Every photo of the item, by id, in the order the owner wants them shown (the first ready one is the cover).</summary>
public sealed record ReorderImagesRequest(IReadOnlyList<string>? ImageIds);
