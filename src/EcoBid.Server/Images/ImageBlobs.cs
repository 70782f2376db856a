namespace EcoBid.Server.Images;

/// <summary>A blob one photo has: its original, or one of its renditions.</summary>
public sealed record ImageBlob(string ImageId, string Key);

/// <summary>Every blob one photo has.</summary>
public sealed record ImageBlobs(string ImageId, IReadOnlyList<string> Keys);
