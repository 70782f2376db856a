namespace EcoBid.Web.Hosting;

/// <summary>Configuration section <c>Web</c>: how the web client reaches the API and what it shows.</summary>
public sealed class WebClientOptions
{
    public const string Section = "Web";

    /// <summary>
    /// Where the pages call the API. Empty (the default) means this server's own first address over loopback; set it
    /// when the server listens only on an address that loopback cannot reach.
    /// </summary>
    public string? ApiBaseAddress { get; set; }

    /// <summary>
    /// A tile URL template such as <c>https://tiles.example.org/{z}/{x}/{y}.png</c>. Unset (the default), item pages
    /// show distance and direction instead of a map, and no page loads anything from another origin.
    /// </summary>
    public string? MapTiles { get; set; }

    /// <summary>Folder for the data-protection keys that seal the session cookie; empty keeps them in memory.</summary>
    public string? KeysDirectory { get; set; }
}
