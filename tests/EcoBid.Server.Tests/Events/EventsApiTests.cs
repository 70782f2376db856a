using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Server.Cli;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Events;

public sealed class EventsApiTests : IDisposable
{
    private const string Ec2Event = """
        {"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"EC2 Instance State-change Notification",
         "source":"aws.ec2","account":"111122223333","time":"2017-12-22T18:43:48Z","region":"us-west-1",
         "resources":["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
         "detail":{"instance-id":"i-1234567890abcdef0","state":"terminated"}}
        """;

    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("""{"source":["aws.ec2"],"detail":{"state":["terminated"]}}""", true)]
    [InlineData("""{"source":["aws.ec2"],"detail":{"state":["running"]}}""", false)]
    [InlineData("""{"detail-type":[{"prefix":"EC2 Instance"}],"detail":{"state":[{"anything-but":"running"}]}}""", true)]
    [InlineData("""{"$or":[{"source":["aws.s3"]},{"region":[{"wildcard":"us-*-1"}]}]}""", true)]
    public async Task TestEventPattern_answers_whether_the_event_matches(string pattern, bool expected)
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/events/test-pattern", new { eventPattern = pattern, @event = Ec2Event });

        response.EnsureSuccessStatusCode();
        (await response.ReadJsonAsync()).GetProperty("result").GetBoolean().ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"source":[]}""", "eventPattern", "Empty arrays are not allowed")]
    [InlineData("""{"source":"aws.ec2"}""", "eventPattern", "Event pattern is not valid")]
    [InlineData("""{"source":[{"foo":"x"}]}""", "eventPattern", "Unrecognized match type foo")]
    [InlineData("not json", "eventPattern", "Event pattern is not valid")]
    [InlineData(null, "eventPattern", "required")]
    public async Task An_invalid_pattern_is_a_400_with_the_patterns_fault(string? pattern, string field, string message)
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/events/test-pattern", new { eventPattern = pattern, @event = Ec2Event });

        var problem = await response.ShouldBeProblemAsync(400);
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain(message);
    }

    [Fact]
    public async Task A_pattern_over_4096_characters_is_rejected()
    {
        var pattern = "{\"source\":[\"" + new string('a', 4100) + "\"]}";
        var response = await _app.CreateClient().PostAsJsonAsync("/events/test-pattern", new { eventPattern = pattern, @event = Ec2Event });

        var problem = await response.ShouldBeProblemAsync(400);
        problem.GetProperty("errors").GetProperty("eventPattern")[0].GetString()!.ShouldContain("4096");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public async Task An_invalid_event_is_a_400_naming_the_event(string @event)
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/events/test-pattern", new { eventPattern = """{"source":["x"]}""", @event });
        (await response.ShouldBeProblemAsync(400)).ErrorFields().ShouldBe(["event"]);
    }

    [Fact]
    public async Task The_cli_verb_prints_the_result_and_exits_0_or_prints_the_fault_and_exits_2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        (await CliApp.RunAsync(["events", "test-pattern", "--pattern", """{"detail":{"state":["terminated"]}}""", "--event", Ec2Event], output, error)).ShouldBe(0);
        output.ToString().Trim().ShouldBe("true");

        using var output2 = new StringWriter();
        (await CliApp.RunAsync(["events", "test-pattern", "--pattern", """{"detail":{"state":["pending"]}}""", "--event", Ec2Event], output2, error)).ShouldBe(0);
        output2.ToString().Trim().ShouldBe("false");

        using var error3 = new StringWriter();
        (await CliApp.RunAsync(["events", "test-pattern", "--pattern", """{"source":[]}""", "--event", Ec2Event], output2, error3)).ShouldBe(2);
        error3.ToString().ShouldContain("Empty arrays are not allowed");
    }

    [Fact]
    public async Task Every_catalogued_event_has_a_schema()
    {
        var client = _app.CreateClient();
        var list = await (await client.GetAsync("/events/schemas")).ReadJsonAsync();
        var names = list.EnumerateArray().Select(e => e.GetProperty("detailType").GetString()!).ToList();
        names.ShouldContain("ItemCreated");
        names.ShouldContain("ReservationCreated");
        names.ShouldContain("AuctionEnded");
        names.ShouldContain("ImageUploaded");
        names.ShouldContain("ErrorOccurred");
        names.Count.ShouldBeGreaterThanOrEqualTo(20);

        foreach (var entry in list.EnumerateArray())
        {
            var schema = await (await client.GetAsync(entry.GetProperty("schema").GetString())).ReadJsonAsync();
            schema.GetProperty("title").GetString().ShouldBe(entry.GetProperty("detailType").GetString());
            schema.GetProperty("type").ValueKind.ShouldNotBe(JsonValueKind.Undefined);
        }

        var itemCreated = await (await client.GetAsync("/events/schemas/ItemCreated")).ReadJsonAsync();
        var properties = itemCreated.GetProperty("properties");
        properties.GetProperty("itemId").ValueKind.ShouldBe(JsonValueKind.Object);
        properties.GetProperty("location").GetProperty("properties").GetProperty("geohash").ValueKind.ShouldBe(JsonValueKind.Object);
        itemCreated.GetProperty("x-source").GetString().ShouldBe("ecobid.items");
    }

    [Fact]
    public async Task An_unknown_schema_is_a_404_problem()
    {
        await (await _app.CreateClient().GetAsync("/events/schemas/NoSuchEvent")).ShouldBeProblemAsync(404);
        await (await _app.CreateClient().GetAsync("/events/schemas/ItemCreated?version=9")).ShouldBeProblemAsync(404);
    }
}
