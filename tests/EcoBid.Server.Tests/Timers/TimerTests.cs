using System.Net.Http.Json;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Timers;

public sealed class TimerTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Items:ListingDuration", "00:00:01");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_listing_expiry_timer_fires_within_a_second_of_its_time_and_expires_the_item_once()
    {
        var (_, client) = await _app.SignUpAsync();
        var itemId = await client.CreateItemAsync();
        var eventId = await _app.Database.ItemCreatedEventIdAsync(itemId);
        await _app.WaitForHandledAsync(eventId, "ProcessNewItem");
        var expiresAt = (await (await client.GetAsync($"/items/{itemId}")).ReadJsonAsync()).GetProperty("expiresAt").GetDateTimeOffset();

        var fired = await _app.Monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.TimerFired && a.EventId == $"listing-expiry:{itemId}", TimeSpan.FromSeconds(10));
        (fired.At - expiresAt).ShouldBeLessThan(TimeSpan.FromSeconds(1));
        fired.At.ShouldBeGreaterThanOrEqualTo(expiresAt);

        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "ExpireListing");
        var item = await (await client.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        item.GetProperty("status").GetString().ShouldBe("expired");
        (await _app.Database.EventCountAsync("ItemUpdated")).ShouldBe(1);
    }

    [Fact]
    public async Task The_admin_view_lists_the_seed_schedules_with_their_next_fire_times()
    {
        var (_, client) = await _app.SignUpAdminAsync();
        var view = await (await client.GetAsync("/admin/schedules")).ReadJsonAsync();

        var schedules = view.GetProperty("schedules").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        // Backup copies the embedded file; on PostgreSQL its own tools do that, and the schedule is left out.
        string[] seeds = _app.PostgresConnectionString is null
            ? ["DailyCleanup", "CancelExpiredReservations", "FoldStats", "AuctionEndCheck", "PickupReminders", "Backup"]
            : ["DailyCleanup", "CancelExpiredReservations", "FoldStats", "AuctionEndCheck", "PickupReminders"];
        schedules.Keys.ShouldBe(seeds, ignoreOrder: true);
        schedules["DailyCleanup"].GetProperty("expression").GetString().ShouldBe("cron(0 2 * * ? *)");
        schedules["PickupReminders"].GetProperty("timezone").GetString().ShouldBe("Europe/Warsaw");

        var next = await PollNextFireAsync(client, "DailyCleanup");
        next.TimeOfDay.ShouldBe(TimeSpan.FromHours(2));
        next.ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        next.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public async Task Test_expression_returns_the_next_fire_times_in_utc()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/schedules/test-expression", new
        {
            expression = "cron(30 2 * * ? *)",
            timezone = "Europe/Warsaw",
            from = "2026-03-27T00:00:00Z",
            count = 4,
        });

        var times = (await response.ReadJsonAsync()).GetProperty("fireTimes").EnumerateArray().Select(t => t.GetDateTimeOffset()).ToList();

        // 02:30 local does not exist on 29 March 2026 (clocks jump 02:00 → 03:00): that day is skipped.
        times.ShouldBe([
            DateTimeOffset.Parse("2026-03-27T01:30:00Z"),
            DateTimeOffset.Parse("2026-03-28T01:30:00Z"),
            DateTimeOffset.Parse("2026-03-30T00:30:00Z"),
            DateTimeOffset.Parse("2026-03-31T00:30:00Z"),
        ]);
    }

    [Theory]
    [InlineData("cron(0 2 * * * *)", "UTC", null, 5, "expression")]
    [InlineData("rate(1 minutes)", "UTC", null, 5, "expression")]
    [InlineData("cron(0 2 * * ? *)", "Mars/Olympus", null, 5, "timezone")]
    [InlineData("cron(0 2 * * ? *)", "UTC", "yesterday", 5, "from")]
    [InlineData("cron(0 2 * * ? *)", "UTC", null, 0, "count")]
    [InlineData("cron(0 2 * * ? *)", "UTC", null, 1000, "count")]
    [InlineData("", "UTC", null, 5, "expression")]
    public async Task An_invalid_look_ahead_is_a_400_naming_the_field(string expression, string timezone, string? from, int count, string field)
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/schedules/test-expression", new { expression, timezone, from, count });
        (await response.ShouldBeProblemAsync(400)).ErrorFields().ShouldBe([field]);
    }

    [Fact]
    public async Task The_cli_prints_fire_times_or_the_fault()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        (await Cli.CliApp.RunAsync(["schedules", "next", "--expression", "rate(1 hour)", "--from", "2026-01-01T00:00:00Z", "--count", "2"], output, error)).ShouldBe(0);
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"]);

        (await Cli.CliApp.RunAsync(["schedules", "next", "--expression", "cron(61 * * * ? *)"], output, error)).ShouldBe(2);
        error.ToString().ShouldContain("minutes");
    }

    private static async Task<DateTimeOffset> PollNextFireAsync(HttpClient client, string schedule)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            var view = await (await client.GetAsync("/admin/schedules")).ReadJsonAsync();
            var next = view.GetProperty("schedules").EnumerateArray().Single(s => s.GetProperty("name").GetString() == schedule).GetProperty("nextFireAt");
            if (next.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                return next.GetDateTimeOffset();
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{schedule} was not registered.");
            }

            await Task.Delay(50);
        }
    }
}
