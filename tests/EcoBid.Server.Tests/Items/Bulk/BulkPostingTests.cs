using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Workflows.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Items.Bulk;

public sealed class BulkPostingTests : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Good_rows_become_the_posters_items_and_bad_rows_are_reported_with_their_problems()
    {
        var (user, client) = await _app.SignUpAsync();
        var body = new
        {
            items = new[]
            {
                Requests.Item(title: "Zebrawood stool"),
                Requests.Item(title: "ab", category: "spaceships"),
                Requests.Item(title: "Wicker basket", mode: "auction", lat: 50.06, lon: 19.94),
            },
        };
        var response = await client.PostAsJsonAsync("/items/bulk", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.ReadJsonAsync();
        var id = accepted.GetProperty("id").GetString()!;
        response.Headers.Location!.OriginalString.ShouldBe($"/items/bulk/{id}");
        accepted.GetProperty("status").GetString().ShouldBe("running");
        accepted.GetProperty("executionArn").GetString()!.ShouldStartWith("arn:aws:states:us-east-1:123456789012:execution:BulkItemPosting:");

        var report = await FinishedAsync(client, id);
        report.GetProperty("executionArn").GetString().ShouldBe(accepted.GetProperty("executionArn").GetString());
        Counts(report).ShouldBe((3, 2, 1, 0));
        var items = report.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("index").GetInt32()).ShouldBe([0, 1, 2]);
        items.Select(i => i.GetProperty("status").GetString()).ShouldBe(["posted", "needs_changes", "posted"]);
        var problem = items[1].GetProperty("problem");
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["title", "category"], ignoreOrder: true);
        items[1].GetProperty("itemId").ValueKind.ShouldBe(JsonValueKind.Null);

        var stool = await (await client.GetAsync($"/items/{items[0].GetProperty("itemId").GetString()}")).ReadJsonAsync();
        stool.GetProperty("sellerId").GetString().ShouldBe(user.Id);
        stool.GetProperty("title").GetString().ShouldBe("Zebrawood stool");
        var basket = await (await client.GetAsync($"/items/{items[2].GetProperty("itemId").GetString()}")).ReadJsonAsync();
        basket.GetProperty("mode").GetString().ShouldBe("auction");
        basket.GetProperty("location").GetProperty("lat").GetDouble().ShouldBe(50.06);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM items WHERE seller_id = @Id", new { user.Id })).ShouldBe(2);
        (await _app.Database.EventCountAsync("ItemCreated")).ShouldBe(2);

        // Posted like any other item: indexed, moderated, found by search.
        var stoolId = items[0].GetProperty("itemId").GetString()!;
        await _app.WaitForHandledAsync(await _app.Database.ItemCreatedEventIdAsync(stoolId), "Index");
        await _app.WaitForHandledAsync(await _app.Database.ItemCreatedEventIdAsync(stoolId), "Moderate");
        var found = await (await client.GetAsync("/items?q=Zebrawood")).ReadJsonAsync();
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([stoolId]);

        await Eventually.TrueAsync(
            async () => await _app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'bulk_posting_finished' AND user_id = @Id", new { user.Id }) == 1,
            what: "the poster is told");
        var inbox = await (await client.GetAsync("/notifications")).ReadJsonAsync();
        inbox.ToString().ShouldContain("2 of 3 items posted; 1 needs changes.");
        (await _app.Database.EventCountAsync("BulkPostingFinished")).ShouldBe(1);
    }

    [Fact]
    public async Task A_csv_upload_posts_its_rows_with_quoted_commas_quotes_and_line_breaks_intact()
    {
        var (user, client) = await _app.SignUpAsync();
        const string csv = "Title,Description,Category,Mode,Lat,Lng\r\n"
            + "Oak chair,\"Solid oak, \"\"antique\"\"\r\nsecond line\",furniture,free,52.2297,21.0122\r\n"
            + "Desk lamp,,electronics,free,52.23,21.01\r\n"
            + "Lamp,Broken,electronics,free,,21.01\r\n";
        var response = await client.PostAsync("/items/bulk", new StringContent(csv, Encoding.UTF8, "text/csv"));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var report = await FinishedAsync(client, (await response.ReadJsonAsync()).GetProperty("id").GetString()!);

        report.GetProperty("format").GetString().ShouldBe("csv");
        Counts(report).ShouldBe((3, 2, 1, 0));
        var items = report.GetProperty("items").EnumerateArray().ToList();
        items[2].GetProperty("problem").GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["location.lat"]);
        var chair = await (await client.GetAsync($"/items/{items[0].GetProperty("itemId").GetString()}")).ReadJsonAsync();
        chair.GetProperty("description").GetString().ShouldBe("Solid oak, \"antique\"\r\nsecond line");
        chair.GetProperty("location").GetProperty("lon").GetDouble().ShouldBe(21.0122);
        chair.GetProperty("sellerId").GetString().ShouldBe(user.Id);
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "application/json", JsonSerializer.Serialize(new { items = Enumerable.Range(0, 201).Select(i => Requests.Item(title: $"Chair {i}")) }), "items" },
        { "application/json", """{"items": []}""", "items" },
        { "application/json", """{"things": []}""", "items" },
        { "application/json", """{"items": [{"title": "Chair", "location": {"lat": "north"}}]}""", "items[0].location.lat" },
        { "application/json", """{"items": [{"title": "Chair",""", "items[0]" },
        { "application/json", """{"items": [null]}""", "items[0]" },
        { "text/csv", "title,category,mode,lat,lon\n" + string.Concat(Enumerable.Range(0, 201).Select(i => $"Chair {i},furniture,free,52.2,21.0\n")), "items" },
        { "text/csv", "title,category,mode,lat,lon\n", "items" },
        { "text/csv", "title,category,mode,lat,lon\n\"Chair,furniture,free,52.2,21.0\n", "body" },
        { "text/csv", "title,colour,category,mode,lat,lon\nChair,red,furniture,free,52.2,21.0\n", "header" },
        { "text/csv", "title,category,mode,lat\nChair,furniture,free,52.2\n", "header" },
        { "text/csv", "title,category,mode,lat,lon\nChair,furniture,free,52.2\n", "items[0]" },
        { "text/csv", "title,category,mode,lat,lon\nChair,furniture,free,52.2,21.0\nTable,furniture,free,north,21.0\n", "items[1].location.lat" },
        { "text/csv", "title,category,mode,lat,lon\nCh\"air,furniture,free,52.2,21.0\n", "body" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_body_that_cannot_be_read_or_is_outside_the_limits_is_refused_naming_the_field_and_stores_nothing(string contentType, string body, string field)
    {
        var (_, client) = await _app.SignUpAsync();
        var response = await client.PostAsync("/items/bulk", new StringContent(body, Encoding.UTF8, contentType));
        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldBe([field]);
        await NothingStoredAsync();
    }

    [Fact]
    public async Task The_limit_is_named_when_there_are_too_many_items()
    {
        var (_, client) = await _app.SignUpAsync();
        var body = new { items = Enumerable.Range(0, 201).Select(i => Requests.Item(title: $"Chair {i}")) };
        var problem = await (await client.PostAsJsonAsync("/items/bulk", body)).ShouldBeProblemAsync(400);
        problem.GetProperty("errors").GetProperty("items")[0].GetString()!.ShouldContain("200");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task A_body_neither_json_nor_csv_is_refused_with_415()
    {
        var (_, client) = await _app.SignUpAsync();
        await (await client.PostAsync("/items/bulk", new StringContent("title\nChair", Encoding.UTF8, "text/plain"))).ShouldBeProblemAsync(415);
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Only_the_poster_and_admins_see_the_report()
    {
        var (_, client) = await _app.SignUpAsync();
        var (_, stranger) = await _app.SignUpAsync();
        var admin = await _app.AdminClientAsync();
        var id = await StartAsync(client, Requests.Item());
        await (await stranger.GetAsync($"/items/bulk/{id}")).ShouldBeProblemAsync(404);
        await (await stranger.GetAsync("/items/bulk/no-such-posting")).ShouldBeProblemAsync(404);
        (await admin.GetAsync($"/items/bulk/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _app.CreateClient().GetAsync($"/items/bulk/{id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Running_the_create_step_again_for_an_index_returns_its_outcome_and_creates_nothing()
    {
        var (user, client) = await _app.SignUpAsync();
        var id = await StartAsync(client, Requests.Item(title: "Rocking chair"), Requests.Item(title: "x"));
        var report = await FinishedAsync(client, id);
        var itemId = report.GetProperty("items")[0].GetProperty("itemId").GetString()!;
        var task = _app.Services.GetServices<IWorkflowTask>().Single(t => t.Name == "CreateBulkItem");
        var arn = report.GetProperty("executionArn").GetString()!;

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var again = await RunAsync(task, arn, $"{arn}:Map[0]/CreateItem:9:{attempt}", attempt, new JsonObject { ["bulkId"] = id, ["index"] = 0 });
            again!["itemId"]!.GetValue<string>().ShouldBe(itemId);
            var bad = await RunAsync(task, arn, $"{arn}:Map[1]/CreateItem:9:{attempt}", attempt, new JsonObject { ["bulkId"] = id, ["index"] = 1 });
            bad!["problem"]!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["title"]);
            bad.AsObject().ContainsKey("itemId").ShouldBeFalse();
        }

        (await _app.Database.CountAsync("SELECT COUNT(*) FROM items WHERE seller_id = @Id", new { user.Id })).ShouldBe(1);
        (await _app.Database.EventCountAsync("ItemCreated")).ShouldBe(1);
    }

    [Fact]
    public async Task A_row_without_an_outcome_is_created_once_however_often_its_step_runs()
    {
        var (user, _) = await _app.SignUpAsync();

        // A stored row whose step has not committed yet, as a crash before the commit leaves it; no execution runs it.
        var id = Guid.NewGuid().ToString();
        var request = JsonSerializer.Serialize(Requests.Item(title: "Garden bench"), Web);
        await _app.Database.WriteAsync(scope => Dapper.SqlMapper.ExecuteAsync(scope.Connection,
            """
            INSERT INTO bulk_postings (id, seller_id, status, format, total, execution_arn, created_at) VALUES (@id, @seller, 'running', 'json', 1, 'arn', 0);
            INSERT INTO bulk_posting_items (bulk_id, idx, request) VALUES (@id, 0, @request);
            """,
            new { id, seller = user.Id, request }, scope.Transaction));
        var task = _app.Services.GetServices<IWorkflowTask>().Single(t => t.Name == "CreateBulkItem");
        var first = await RunAsync(task, "arn", "arn:Map[0]/CreateItem:9:1", 1, new JsonObject { ["bulkId"] = id, ["index"] = 0 });
        var second = await RunAsync(task, "arn", "arn:Map[0]/CreateItem:9:2", 2, new JsonObject { ["bulkId"] = id, ["index"] = 0 });

        var created = first!["itemId"]!.GetValue<string>();
        second!["itemId"]!.GetValue<string>().ShouldBe(created);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM items WHERE seller_id = @Id AND title = 'Garden bench'", new { user.Id })).ShouldBe(1);
        (await _app.Database.EventCountAsync("ItemCreated")).ShouldBe(1);
    }

    private async Task<JsonNode?> RunAsync(IWorkflowTask task, string arn, string invocation, int attempt, JsonObject input) =>
        await _app.Database.WriteAsync(scope => task.RunAsync(input, new WorkflowTaskContext(scope, arn, invocation, attempt, null, CancellationToken.None)));

    private static async Task<string> StartAsync(HttpClient client, params object[] items)
    {
        var response = await client.PostAsJsonAsync("/items/bulk", new { items });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> FinishedAsync(HttpClient client, string id)
    {
        JsonElement report = default;
        await Eventually.TrueAsync(async () =>
        {
            report = await (await client.GetAsync($"/items/bulk/{id}")).ReadJsonAsync();
            return report.GetProperty("status").GetString() != "running";
        }, what: "the bulk posting ends");
        report.GetProperty("status").GetString().ShouldBe("succeeded");
        return report;
    }

    private static (int Total, int Posted, int NeedChanges, int Pending) Counts(JsonElement report)
    {
        var counts = report.GetProperty("counts");
        return (counts.GetProperty("total").GetInt32(), counts.GetProperty("posted").GetInt32(), counts.GetProperty("needChanges").GetInt32(), counts.GetProperty("pending").GetInt32());
    }

    private async Task NothingStoredAsync()
    {
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM bulk_postings")).ShouldBe(0);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM bulk_posting_items")).ShouldBe(0);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM items")).ShouldBe(0);
        (await _app.Database.EventCountAsync("BulkPostingStarted")).ShouldBe(0);
    }
}
