namespace EcoBid.Web.Tests.Infrastructure;

/// <summary>One server and one browser for the whole collection: starting them is the slow part.</summary>
public sealed class WebFixture : IAsyncLifetime
{
    public WebServer Server { get; } = new();

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        // The whole suite runs beside the other test projects on two shared cores: give pages time to answer.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
        await Server.StartAsync();
        await Browser.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Directory.CreateDirectory(Artifacts.Folder);
        await File.WriteAllTextAsync(Path.Combine(Artifacts.Folder, "server.log"), Server.Log);
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
