namespace EcoBid.Server.Items;

/// <summary>Configuration section <c>Items</c>.</summary>
public sealed class ItemsOptions
{
    public const string Section = "Items";

    /// <summary>Days a listing stays up before it expires.</summary>
    public int ListingDays { get; set; } = 30;
}
