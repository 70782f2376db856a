using Dapper;
using EcoBid.Domain.Geo;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Cli;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Replay;

namespace EcoBid.Server.Tests.Search;

/// <summary>The CLI finds the database through process-wide settings (<see cref="CliEnvironment"/>), so these tests run alone.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class SeedCommandTests : IDisposable
{
    private static readonly GeoPoint Milan = new(45.4642, 9.19);
    private static readonly string[] ItemTargets = ["ProcessNewItem", "Index", "Moderate"];
    private readonly EcoBidApp _app = new();
    private readonly CliEnvironment _cli;

    public SeedCommandTests() => _cli = new CliEnvironment(_app);

    public void Dispose()
    {
        _cli.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task Seeding_adds_verified_people_and_listings_that_the_running_server_processes()
    {
        var client = _app.CreateClient();

        var result = await RunAsync("seed", "--users", "3", "--items", "12", "--center", "45.4642,9.19", "--radius-km", "2");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Demo-pass-1");
        foreach (var target in ItemTargets)
        {
            await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == target, count: 12, seconds: 30);
        }

        var people = await _app.Database.ReadAsync(c => c.QueryAsync<(string Id, string Email, long? VerifiedAt)>(
            "SELECT id, email, email_verified_at FROM users"));
        people.Count().ShouldBe(3);
        people.ShouldAllBe(p => p.VerifiedAt != null && p.Email.EndsWith("@demo.ecobid.test"));
        result.Output.ShouldContain(people.First().Email);
        (await AccountFlow.SignInAsync(client, people.First().Email, "Demo-pass-1")).GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();

        var items = (await _app.Database.ReadAsync(c => c.QueryAsync<(string Id, string SellerId, double Lat, double Lon, string Moderation, long? ProcessedAt)>(
            "SELECT id, seller_id, lat, lon, moderation, processed_at FROM items"))).ToList();
        items.Count.ShouldBe(12);
        items.ShouldAllBe(i => people.Any(p => p.Id == i.SellerId) && i.Moderation == "approved" && i.ProcessedAt != null);
        items.ShouldAllBe(i => Milan.DistanceKmTo(new GeoPoint(i.Lat, i.Lon)) <= 2);

        // Each change committed with its event, as through the API.
        (await ArchivedAsync("ItemCreated")).ShouldBe(12);
        (await ArchivedAsync("UserRegistered")).ShouldBe(3);
        (await ArchivedAsync("UserVerified")).ShouldBe(3);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_search")).ShouldBe(12);

        var found = await client.SearchAsync($"{SearchSteps.Near(Milan, 2)}&limit=100");
        found.Ids().ShouldBe(items.Select(i => i.Id), ignoreOrder: true);

        // Every listing in auction mode is up for auction, so a demo has something to bid on.
        var auctionItems = await _app.Database.ReadAsync(c => c.QueryAsync<string>("SELECT id FROM items WHERE mode = 'auction'"));
        var open = await _app.Database.ReadAsync(c => c.QueryAsync<string>("SELECT item_id FROM auctions WHERE status = 'open'"));
        open.ShouldBe(auctionItems, ignoreOrder: true);
        (await ArchivedAsync("AuctionCreated")).ShouldBe(auctionItems.Count());
    }

    [Fact]
    public async Task Seeding_listings_alone_lists_them_by_existing_accounts()
    {
        var (user, _) = await _app.SignUpAsync();

        var result = await RunAsync("seed", "--items", "4");

        result.ExitCode.ShouldBe(0, result.Error);
        var sellers = await _app.Database.ReadAsync(c => c.QueryAsync<string>("SELECT seller_id FROM items"));
        sellers.ShouldBe([user.Id, user.Id, user.Id, user.Id]);
    }

    [Theory]
    [InlineData("--users,-1,--items,3", "--users")]
    [InlineData("--users,0,--items,0", "--users")]
    [InlineData("--items,3,--center,91;0", "--center")]
    [InlineData("--items,3,--center,abc", "--center")]
    [InlineData("--items,3,--radius-km,0", "--radius-km")]
    public async Task Invalid_options_are_named_and_exit_2(string arguments, string option)
    {
        var result = await RunAsync(["seed", .. arguments.Split(',').Select(a => a.Replace(';', ','))]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(option);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM items")).ShouldBe(0);
    }

    [Fact]
    public async Task Listings_alone_need_someone_to_list_them()
    {
        var result = await RunAsync("seed", "--items", "2");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--users");
    }

    private Task<long> ArchivedAsync(string detailType) =>
        _app.Database.CountAsync("SELECT COUNT(*) FROM event_archive WHERE json_extract(envelope, '$.detail-type') = @detailType", new { detailType });

    private static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private sealed record CliResult(int ExitCode, string Output, string Error);
}
