namespace EcoBid.Server.Items;

/// <summary>Configuration section <c>Items</c>.</summary>
public sealed class ItemsOptions
{
    public const string Section = "Items";

    /// <summary>How long a listing stays up before it expires.</summary>
    public TimeSpan ListingDuration { get; set; } = TimeSpan.FromDays(30);
}
