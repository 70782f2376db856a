namespace EcoBid.Web.Localization;

/// <summary>English labels (the <see cref="Texts"/> keys) for the API's codes: categories, modes, statuses.</summary>
public static class Labels
{
    /// <summary>The categories the search form offers, in the API's order (docs/search.md); the API checks them.</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["furniture", "electronics", "clothing", "books", "toys", "kitchen", "garden", "sports", "tools", "baby", "home", "other"];

    public static string Category(string code) => code switch
    {
        "furniture" => "Furniture",
        "electronics" => "Electronics",
        "clothing" => "Clothing",
        "books" => "Books",
        "toys" => "Toys",
        "kitchen" => "Kitchen",
        "garden" => "Garden",
        "sports" => "Sports",
        "tools" => "Tools",
        "baby" => "Baby",
        "home" => "Home",
        _ => "Other",
    };

    public static string Status(string code) => code switch
    {
        "available" => "Available",
        "reserved" => "Reserved",
        "picked_up" => "Picked up",
        "expired" => "Expired",
        "withdrawn" => "Withdrawn",
        "active" => "Waiting for the giver",
        "confirmed" => "Pickup agreed",
        "completed" => "Completed",
        "cancelled" => "Cancelled",
        "open" => "Open",
        "closing" => "Closing",
        "ended" => "Ended",
        "pending" => "Sending",
        "saved" => "Sent",
        "failed" => "Not sent",
        _ => code,
    };
}
