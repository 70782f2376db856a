using System.Text.RegularExpressions;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ConsoleTests(WebFixture web)
{
    [Fact]
    public async Task An_admin_sees_a_dead_letter_with_its_error_and_redrives_it_after_confirming()
    {
        var admin = await web.Server.SignUpAsync("Operator");
        await web.Server.MakeAdminAsync(admin);
        var page = await web.Browser.NewPageAsync(web.Server);
        await People.SignInAsync(page, admin);
        var error = "InvalidOperationException: the stats table was locked " + Guid.NewGuid().ToString("N")[..6];
        await DeadLetterAsync("UpdateStats", error);

        await page.GotoAsync("/console");
        var row = page.Locator("tr[data-queue=UpdateStats]");
        await row.Locator("[data-col=deadLettered] a").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dead letters of UpdateStats" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-dead-letters]")).ToContainTextAsync(error);

        await page.GetByRole(AriaRole.Button, new() { Name = "Redrive all…" }).ClickAsync();
        var question = page.GetByRole(AriaRole.Alertdialog);
        await Expect(question).ToContainTextAsync(new Regex("Move \\d+ messages back to UpdateStats\\?"));
        await question.GetByRole(AriaRole.Button, new() { Name = "Yes, redrive" }).ClickAsync();
        await Expect(page.Locator("[data-result]")).ToContainTextAsync(new Regex("^\\d+ messages moved back to UpdateStats\\.$"));
        await Expect(page.GetByText("No dead letters here.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_rule_map_shows_which_targets_an_event_goes_to_and_the_last_events_carry_their_correlation_ids()
    {
        var admin = await web.Server.SignUpAsync("Mapper");
        await web.Server.MakeAdminAsync(admin);
        var page = await web.Browser.NewPageAsync(web.Server);
        await People.SignInAsync(page, admin);
        var title = "Desk lamp " + Guid.NewGuid().ToString("N")[..6];
        await People.PostItemAsync(web.Server, admin, title, category: "home");

        await page.GotoAsync("/console/events");
        var itemCreated = page.Locator("[data-rule=ItemCreated]");
        await Expect(itemCreated.Locator(".targets")).ToContainTextAsync("Index");
        await Expect(page.Locator("[data-events]")).ToContainTextAsync("ItemCreated");
        (await page.Locator("[data-events] tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("[data-events] tbody tr").First.Locator("td").Nth(3).InnerTextAsync()).Trim().Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_person_without_the_admin_role_gets_the_apis_refusal_on_the_console()
    {
        var (_, page) = await People.SignedInAsync(web, "Nosy");
        await page.GotoAsync("/console");
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        (await page.Locator("[data-queues]").CountAsync()).ShouldBe(0);
    }

    /// <summary>Puts a handled event's message into a target's dead-letter queue, as three failed receives would.</summary>
    private async Task DeadLetterAsync(string queue, string error)
    {
        await using var connection = new SqliteConnection($"Data Source={web.Server.DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA busy_timeout = 5000;
            INSERT INTO queue_messages (queue, event_id, message_key, body, enqueued_at, visible_at, receive_count, in_flight, last_error, source_queue, dead_lettered_at)
            SELECT $dlq, event_id, event_id, envelope, $now, 9223372036854775807, 3, 0, $error, $queue, $now
            FROM event_archive ORDER BY seq DESC LIMIT 1;
            """;
        command.Parameters.AddWithValue("$dlq", queue + ".dlq");
        command.Parameters.AddWithValue("$queue", queue);
        command.Parameters.AddWithValue("$error", error);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
