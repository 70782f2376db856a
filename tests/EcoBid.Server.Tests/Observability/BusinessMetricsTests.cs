using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcoBid.Domain.Events;
using EcoBid.Server.Events;
using EcoBid.Server.Observability.Business;
using EcoBid.Server.Tests.Alarms;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Observability;

/// <summary>
/// <c>GET /admin/metrics/business</c> and the <c>ecobid.business.*</c> gauges, computed from the archived events and the
/// accounts. The events are published with the times of past hours (no rules here, so nothing else reacts to them).
/// </summary>
/// <remarks>
/// Alone, not beside other test hosts: every host in this process names its meter <c>EcoBid.Business</c>, and a meter
/// provider that listens by name can also hear other hosts' gauges, so the export then depends on their life cycle
/// (seen as the gauges missing from <c>/metrics</c> while the whole suite ran in parallel). One host per process, as
/// in production, has no such neighbours.
/// </remarks>
[Collection(nameof(BusinessGauges))]
public sealed class BusinessMetricsTests : IDisposable
{
    private static readonly EventLocation Here = new(52.23, 21.01, "u3qcnhzch");

    private readonly EcoBidApp _app = new EcoBidApp()
        .WithRules("""{ "targets": {}, "rules": [] }""")
        .With("Metrics:Business:RefreshInterval", "00:00:00.200");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Each_hour_counts_its_events_and_divides_them_into_the_seeds_rates()
    {
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync();
        var hour = Floor(DateTimeOffset.UtcNow) - TimeSpan.FromHours(2);
        var next = hour + TimeSpan.FromHours(1);
        var at = hour + TimeSpan.FromMinutes(10);
        await PublishAtAsync(at,
            Item("free"), Item("free"), Item("auction"),
            new ReservationCreated("r1", "i1", "b", "s", at, at.AddDays(1)),
            new ReservationCreated("r2", "i2", "b", "s", at, at.AddDays(1), Origin: "auction"),
            new ReservationCompleted("r3", "i3", "b", "s", at),
            new ReservationCancelled("r4", "i4", "b", "s", "b", "changed my mind", at),
            new ReservationExpired("r5", "i5", "b", "s", at),
            new ReservationExpired("r6", "i6", "b", "s", at, NoShow: false),
            Auction(sold: true), Auction(sold: false), Auction(sold: false));
        await PublishAtAsync(next + TimeSpan.FromMinutes(59), Item("free"));
        await MoveAccountAsync(await RegisterAsync(), at);
        await MoveAccountAsync(await RegisterAsync(), at.AddMinutes(5));
        await ArchivedAsync();

        var series = await ReadAsync(admin, $"from={Query(hour)}&to={Query(next.AddHours(1))}");

        series.GetProperty("from").GetDateTimeOffset().ShouldBe(hour);
        var hours = series.GetProperty("hours").EnumerateArray().ToList();
        hours.Count.ShouldBe(2);
        var first = hours[0];
        first.GetProperty("hour").GetDateTimeOffset().ShouldBe(hour);
        (first.GetProperty("itemsPosted").GetInt64(), first.GetProperty("freeItemsPosted").GetInt64(), first.GetProperty("reservations").GetInt64()).ShouldBe((3, 2, 1));
        first.GetProperty("reservationRate").GetDouble().ShouldBe(0.5);
        (first.GetProperty("reservationsCompleted").GetInt64(), first.GetProperty("reservationsClosed").GetInt64()).ShouldBe((1, 4));
        first.GetProperty("completionRate").GetDouble().ShouldBe(0.25);
        first.GetProperty("noShows").GetInt64().ShouldBe(1);
        first.GetProperty("noShowRate").GetDouble().ShouldBe(0.25);
        (first.GetProperty("auctionsEnded").GetInt64(), first.GetProperty("auctionsSold").GetInt64()).ShouldBe((3, 1));
        first.GetProperty("sellThrough").GetDouble().ShouldBe(1.0 / 3, tolerance: 1e-9);
        (first.GetProperty("usersRegistered").GetInt64(), first.GetProperty("usersTotal").GetInt64()).ShouldBe((2, 2));

        var second = hours[1];
        second.GetProperty("hour").GetDateTimeOffset().ShouldBe(next);
        (second.GetProperty("itemsPosted").GetInt64(), second.GetProperty("reservations").GetInt64()).ShouldBe((1, 0));
        second.GetProperty("reservationRate").GetDouble().ShouldBe(0);
        second.GetProperty("completionRate").ValueKind.ShouldBe(JsonValueKind.Null);
        second.GetProperty("sellThrough").ValueKind.ShouldBe(JsonValueKind.Null);
        (second.GetProperty("usersRegistered").GetInt64(), second.GetProperty("usersTotal").GetInt64()).ShouldBe((0, 2));

        // Ends between hours are rounded out to whole hours.
        var rounded = await ReadAsync(admin, $"from={Query(hour.AddMinutes(30))}&to={Query(next.AddMinutes(1))}");
        rounded.GetProperty("hours").EnumerateArray().Select(h => h.GetProperty("itemsPosted").GetInt64()).ShouldBe([3L, 1L]);
    }

    [Fact]
    public async Task The_gauges_report_the_last_hour_and_the_default_range_is_the_last_day()
    {
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync();
        await PublishAtAsync(DateTimeOffset.UtcNow, Item("free"), Item("free"), Item("auction"), Auction(sold: true));
        await ArchivedAsync();

        var text = string.Empty;
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                text = await (await admin.GetAsync("/metrics")).Content.ReadAsStringAsync();
                return Regex.IsMatch(text, @"^ecobid_business_items_posted\{[^}]*\} 3$", RegexOptions.Multiline)
                    && Regex.IsMatch(text, @"^ecobid_business_auction_sell_through(_ratio)?\{[^}]*\} 1$", RegexOptions.Multiline);
            }, seconds: 60, what: "the gauges show the last hour");
        }
        catch (TimeoutException)
        {
            // Say whether the refresher or the export is behind, so a failure under load can be told apart.
            var lastHour = _app.Services.GetRequiredService<BusinessMetrics>().LastHour;
            throw new TimeoutException($"The gauges did not show the last hour (refresher holds {lastHour?.ToString() ?? "nothing"}): "
                + string.Join('\n', text.Split('\n').Where(l => l.StartsWith("ecobid_business", StringComparison.Ordinal))));
        }

        var series = await ReadAsync(admin, string.Empty);
        var hours = series.GetProperty("hours").EnumerateArray().ToList();
        hours.Count.ShouldBeInRange(24, 25);
        hours.Sum(h => h.GetProperty("itemsPosted").GetInt64()).ShouldBe(3);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", "to")]
    public async Task A_range_that_is_not_one_is_refused_naming_the_field(string query, string field)
    {
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync();
        var problem = await (await admin.GetAsync($"/admin/metrics/business?{query}")).ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldBe([field]);
    }

    private static ItemCreated Item(string mode) => new(Guid.NewGuid().ToString(), "s", "Chair", "Oak", "furniture", mode, Here, DateTimeOffset.UtcNow);

    private static AuctionEnded Auction(bool sold) =>
        new("a", "i", sold ? "w" : null, sold ? 1000 : null, sold ? 3 : 0, sold, DateTimeOffset.UtcNow, "s", "EUR", sold ? null : "no_bids");

    private static string Query(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private static DateTimeOffset Floor(DateTimeOffset time) => new(time.Year, time.Month, time.Day, time.Hour, 0, 0, TimeSpan.Zero);

    private Task PublishAtAsync(DateTimeOffset time, params object[] details) =>
        _app.Database.WriteAsync(async scope =>
        {
            foreach (var detail in details)
            {
                await scope.PublishAsync(DomainEventPublishing.Envelope(detail, time));
            }

            return true;
        });

    /// <summary>A new account (no rules here, so no verification email): its id.</summary>
    private async Task<string> RegisterAsync()
    {
        using var client = _app.CreateClient();
        var response = await client.PostAsJsonAsync("/auth/register", new { email = $"u-{Guid.NewGuid():N}@example.com", password = AccountFlow.Password, displayName = "Someone" });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    private Task ArchivedAsync() =>
        Eventually.TrueAsync(async () => await _app.Database.CountAsync("SELECT COUNT(*) FROM outbox") == 0, what: "every event is archived");

    private Task MoveAccountAsync(string userId, DateTimeOffset createdAt) =>
        _app.Database.WriteAsync(scope => Dapper.SqlMapper.ExecuteAsync(scope.Connection, "UPDATE users SET created_at = @at WHERE id = @userId",
            new { at = createdAt.ToUnixTimeMilliseconds(), userId }, scope.Transaction));

    private static async Task<JsonElement> ReadAsync(HttpClient admin, string query)
    {
        var response = await admin.GetAsync($"/admin/metrics/business?{query}");
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }
}

/// <summary>Runs <see cref="BusinessMetricsTests"/> with no other test host alive.</summary>
[CollectionDefinition(nameof(BusinessGauges), DisableParallelization = true)]
public sealed class BusinessGauges;
