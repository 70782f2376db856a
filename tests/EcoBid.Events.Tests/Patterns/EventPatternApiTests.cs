using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Events.Patterns;

namespace EcoBid.Events.Tests.Patterns;

public sealed class EventPatternApiTests
{
    private const string RunningEc2 = """
        {
          "source": ["aws.ec2"],
          "detail-type": ["EC2 Instance State-change Notification"],
          "detail": { "state": ["running", "pending"], "c-count": [{ "numeric": [">", 0, "<=", 5] }] }
        }
        """;

    [Fact]
    public void Json_is_the_original_text()
    {
        EventPattern pattern = EventPattern.Parse(RunningEc2);

        pattern.Json.ShouldBe(RunningEc2);
        pattern.ToString().ShouldBe(RunningEc2);
    }

    [Fact]
    public void TryParse_returns_the_pattern_for_valid_text()
    {
        EventPattern.TryParse(RunningEc2, out EventPattern? pattern, out string? error).ShouldBeTrue();

        error.ShouldBeNull();
        pattern.ShouldNotBeNull().Matches(SampleEvents.Ec2).ShouldBeTrue();
    }

    [Fact]
    public void TryParse_of_null_fails_without_throwing()
    {
        EventPattern.TryParse(null!, out EventPattern? pattern, out string? error).ShouldBeFalse();

        pattern.ShouldBeNull();
        error.ShouldBe("Event pattern is not valid. Reason: Event pattern must not be null");
    }

    [Fact]
    public void Parse_of_null_throws_ArgumentNullException() =>
        Should.Throw<ArgumentNullException>(() => EventPattern.Parse(null!));

    [Fact]
    public void Matches_a_parsed_element_and_text_alike()
    {
        EventPattern pattern = EventPattern.Parse(RunningEc2);
        using JsonDocument document = JsonDocument.Parse(SampleEvents.Ec2);

        pattern.Matches(document.RootElement).ShouldBeTrue();
        pattern.Matches(SampleEvents.Ec2).ShouldBeTrue();
        pattern.Matches(SampleEvents.File).ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "Event is not valid JSON")]
    [InlineData("{\"source\": ", "Event is not valid JSON")]
    [InlineData("{\"source\": \"a\"} trailing", "(line 1, column")]
    [InlineData("[1, 2]", "Event must be a JSON object, not an array")]
    [InlineData("\"text\"", "Event must be a JSON object, not a string")]
    [InlineData("null", "Event must be a JSON object, not null")]
    public void Matches_rejects_malformed_or_non_object_events(string eventJson, string fault)
    {
        EventPattern pattern = EventPattern.Parse(RunningEc2);

        var ex = Should.Throw<InvalidEventException>(() => pattern.Matches(eventJson));

        ex.Message.ShouldContain(fault);
    }

    [Fact]
    public void Matches_rejects_a_non_object_element()
    {
        EventPattern pattern = EventPattern.Parse(RunningEc2);
        using JsonDocument document = JsonDocument.Parse("[]");

        Should.Throw<InvalidEventException>(() => pattern.Matches(document.RootElement)).Message
            .ShouldBe("Event must be a JSON object, not an array.");
        Should.Throw<InvalidEventException>(() => pattern.Matches(default(JsonElement)));
    }

    [Fact]
    public void TestEvent_matches_an_event_carrying_the_mandatory_envelope_fields()
    {
        EventPattern pattern = EventPattern.Parse(RunningEc2);

        pattern.TestEvent(SampleEvents.Ec2).ShouldBeTrue();
        pattern.TestEvent(SampleEvents.Ec2.Replace("\"running\"", "\"stopped\"", StringComparison.Ordinal)).ShouldBeFalse();
        pattern.TestEvent(WithoutField(SampleEvents.Ec2, "resources")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("id")]
    [InlineData("account")]
    [InlineData("source")]
    [InlineData("time")]
    [InlineData("region")]
    [InlineData("detail-type")]
    public void TestEvent_rejects_an_event_without_a_mandatory_field(string field)
    {
        EventPattern pattern = EventPattern.Parse("""{"version": ["0"]}""");

        var ex = Should.Throw<InvalidEventException>(() => pattern.TestEvent(WithoutField(SampleEvents.Ec2, field)));

        ex.Message.ShouldBe($"Parameter Event is not valid. Reason: Provided Event must have mandatory fields: [id, account, source, time, region, detail-type]; missing: {field}");
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"id\": ")]
    public void TestEvent_rejects_an_event_that_is_not_a_json_object(string eventJson)
    {
        EventPattern pattern = EventPattern.Parse(RunningEc2);

        Should.Throw<InvalidEventException>(() => pattern.TestEvent(eventJson)).Message
            .ShouldStartWith("Parameter Event is not valid.");
    }

    [Fact]
    public void TestEvent_of_null_text_throws_ArgumentNullException() =>
        Should.Throw<ArgumentNullException>(() => EventPattern.Parse(RunningEc2).TestEvent(null!));

    [Fact]
    public void Matches_of_null_text_throws_ArgumentNullException() =>
        Should.Throw<ArgumentNullException>(() => EventPattern.Parse(RunningEc2).Matches((string)null!));

    [Fact]
    public void Empty_object_is_rejected_and_the_documented_match_all_idiom_matches_everything()
    {
        EventPattern.TryParse("{}", out _, out string? error).ShouldBeFalse();
        error.ShouldBe("Event pattern is not valid. Reason: Empty objects are not allowed");

        EventPattern all = EventPattern.Parse("""{"source": [{"prefix": ""}]}""");
        all.Matches(SampleEvents.Ec2).ShouldBeTrue();
        all.Matches(SampleEvents.Order).ShouldBeTrue();
        all.Matches("""{"detail": {}}""").ShouldBeFalse();
    }

    [Fact]
    public void One_compiled_pattern_is_safe_to_share_across_threads()
    {
        EventPattern pattern = EventPattern.Parse(RunningEc2);
        using JsonDocument ec2 = JsonDocument.Parse(SampleEvents.Ec2);
        using JsonDocument file = JsonDocument.Parse(SampleEvents.File);
        JsonElement ec2Root = ec2.RootElement;
        JsonElement fileRoot = file.RootElement;

        int matched = 0;
        Parallel.For(0, 20_000, i =>
        {
            bool isEc2 = i % 2 == 0;
            if (pattern.Matches(isEc2 ? ec2Root : fileRoot) != isEc2)
            {
                throw new InvalidOperationException($"Wrong result at {i}");
            }

            if (isEc2)
            {
                Interlocked.Increment(ref matched);
            }
        });

        matched.ShouldBe(10_000);
    }

    [Fact]
    public void Independent_arrays_are_not_searched_in_every_combination()
    {
        // Three fields each with 1000 candidate values and a fourth that fails: trying every combination of
        // the first three (10^9) would never finish; choices inside arrays no later field reaches are equivalent.
        string elements = string.Join(", ", Enumerable.Range(0, 1_000));
        string @event = $$"""{"a": [{{elements}}], "b": {"c": [{{elements}}]}, "d": [[{{elements}}]], "e": 1}""";
        EventPattern pattern = EventPattern.Parse("""
            {"a": [{"exists": true}], "b": {"c": [{"numeric": [">=", 0]}]}, "d": [{"anything-but": -1}], "e": [2]}
            """);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        pattern.Matches(@event).ShouldBeFalse();
        EventPattern.Parse("""{"a": [{"exists": true}], "b": {"c": [999]}, "d": [0], "e": [1]}""").Matches(@event).ShouldBeTrue();

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Matching_a_parsed_event_does_not_allocate()
    {
        EventPattern pattern = EventPattern.Parse("""
            {
              "source": ["aws.ec2", "aws.s3"],
              "detail-type": [{"prefix": "EC2"}],
              "detail": {
                "state": [{"anything-but": ["stopped", "terminated"]}],
                "c-count": [5, {"numeric": [">", 0, "<=", 5]}],
                "source-ip": [{"cidr": "10.0.0.0/24"}],
                "instance-id": [{"wildcard": "i-*0000"}],
                "x-limit": [{"anything-but": [100, 200]}]
              },
              "$or": [{"region": ["eu-west-1"]}, {"resources": [{"suffix": "00000"}]}]
            }
            """);
        using JsonDocument document = JsonDocument.Parse(SampleEvents.Ec2);
        JsonElement root = document.RootElement;
        pattern.Matches(root).ShouldBeTrue();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            pattern.Matches(root);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.ShouldBeLessThan(1_000, "matching should not allocate per event");
    }

    private static string WithoutField(string eventJson, string field)
    {
        JsonObject envelope = JsonNode.Parse(eventJson)!.AsObject();
        envelope.Remove(field).ShouldBeTrue();
        return envelope.ToJsonString();
    }
}
