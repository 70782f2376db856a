namespace EcoBid.Server.Images;

/// <summary>Where a photo is in its life: ticket issued, bytes stored and being processed, then shown or refused.</summary>
public static class ImageStatus
{
    /// <summary>An upload URL was issued; no bytes have arrived.</summary>
    public const string AwaitingUpload = "awaiting_upload";

    /// <summary>The bytes are stored and ImageUploaded is on its way to ProcessImage.</summary>
    public const string Processing = "processing";

    /// <summary>Renditions exist; the photo is shown.</summary>
    public const string Ready = "ready";

    /// <summary>Processing or moderation refused it; <c>problems</c> say why. Only its owner sees it.</summary>
    public const string Rejected = "rejected";

    /// <summary>ProcessImage failed on it until the message was dead-lettered; a redrive processes it again.</summary>
    public const string Failed = "failed";
}
