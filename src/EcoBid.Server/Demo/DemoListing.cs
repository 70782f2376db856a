namespace EcoBid.Server.Demo;

/// <summary>The text and kind of a made-up listing.</summary>
public sealed record DemoListing(string Title, string Description, string Category, string Mode);
