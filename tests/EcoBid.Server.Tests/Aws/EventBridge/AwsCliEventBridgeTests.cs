namespace EcoBid.Server.Tests.Aws.EventBridge;

/// <summary>The AWS CLI itself (<c>aws events … --endpoint-url …/aws</c>) against the running server and its rules file.</summary>
public sealed class AwsCliEventBridgeTests(AwsEndpointServer server) : IClassFixture<AwsEndpointServer>
{
    private AwsCli Cli => server.Cli(service: "events");

    [Theory]
    [ClassData(typeof(EventPatternCases))]
    public async Task Test_event_pattern_answers_whether_the_event_matches(string name, string pattern, bool expected)
    {
        var result = await Cli.RunAsync("test-event-pattern", "--event-pattern", pattern, "--event", EventPatternCases.Event);

        result.Json["Result"]!.GetValue<bool>().ShouldBe(expected, name);
    }

    [Theory]
    [InlineData("""{"source":"ecobid.items"}""", "InvalidEventPatternException")]
    [InlineData("""{"source":["ecobid.items"],"detail":{"price":[{"numeric":[">","ten"]}]}}""", "InvalidEventPatternException")]
    public async Task An_invalid_pattern_is_refused_with_the_matchers_reason(string pattern, string code)
    {
        var result = await Cli.RunAsync("test-event-pattern", "--event-pattern", pattern, "--event", EventPatternCases.Event);

        result.ShouldFailWith(code);
        // "An error occurred (Code) when calling the TestEventPattern operation (reached max retries: 0): message"
        result.Error.ShouldContain($": {EventBridgeExpectations.MatcherMessage(pattern, EventPatternCases.Event)}");
    }

    [Fact]
    public async Task An_event_without_the_envelope_is_a_validation_exception()
    {
        var result = await Cli.RunAsync("test-event-pattern", "--event-pattern", """{"source":["ecobid.items"]}""", "--event", """{"source":"ecobid.items"}""");

        result.ShouldFailWith("ValidationException");
        result.Error.Trim().ShouldEndWith(": Parameter Event is not valid.");
    }

    [Fact]
    public async Task List_rules_pages_through_every_rule_of_the_rules_file()
    {
        var rules = EventBridgeExpectations.Rules(server).Rules;

        // --page-size makes the CLI ask for 7 rules a call and follow NextToken to the end.
        var listed = (await Cli.RunAsync("list-rules", "--page-size", "7")).Json["Rules"]!.AsArray();

        listed.Select(r => r!["Name"]!.GetValue<string>()).ShouldBe(rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var answered in listed)
        {
            var rule = rules.Single(r => r.Name == answered!["Name"]!.GetValue<string>());
            answered!["Arn"]!.GetValue<string>().ShouldBe(EventBridgeExpectations.RuleArn(rule.Name));
            answered["State"]!.GetValue<string>().ShouldBe("ENABLED");
            answered["EventBusName"]!.GetValue<string>().ShouldBe("default");
            EventBridgeExpectations.SamePattern(answered["EventPattern"]!.GetValue<string>(), rule).ShouldBeTrue(rule.Name);
        }
    }

    [Fact]
    public async Task List_rules_filters_by_name_prefix()
    {
        var expected = EventBridgeExpectations.Rules(server).Rules.Select(r => r.Name).Where(n => n.StartsWith("Auction", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        expected.Count.ShouldBeGreaterThan(1);

        var listed = (await Cli.RunAsync("list-rules", "--name-prefix", "Auction")).Json["Rules"]!.AsArray();

        listed.Select(r => r!["Name"]!.GetValue<string>()).ShouldBe(expected);
    }

    [Fact]
    public async Task Describe_rule_shows_the_rule_of_the_rules_file()
    {
        var rule = EventBridgeExpectations.Rules(server).Rules.Single(r => r.Name == "ItemCreated");

        var described = (await Cli.RunAsync("describe-rule", "--name", "ItemCreated")).Json;

        described["Name"]!.GetValue<string>().ShouldBe("ItemCreated");
        described["Arn"]!.GetValue<string>().ShouldBe(EventBridgeExpectations.RuleArn("ItemCreated"));
        described["State"]!.GetValue<string>().ShouldBe("ENABLED");
        described["EventBusName"]!.GetValue<string>().ShouldBe("default");
        described["Description"]!.GetValue<string>().ShouldBe(rule.Description);
        described["CreatedBy"]!.GetValue<string>().ShouldBe(EventBridgeExpectations.Account);
        EventBridgeExpectations.SamePattern(described["EventPattern"]!.GetValue<string>(), rule).ShouldBeTrue();
    }

    [Fact]
    public async Task List_targets_by_rule_names_queues_and_state_machines()
    {
        var queues = (await Cli.RunAsync("list-targets-by-rule", "--rule", "ItemCreated")).Json["Targets"]!.AsArray();
        var machine = (await Cli.RunAsync("list-targets-by-rule", "--rule", "DisputeOpened")).Json["Targets"]!.AsArray();

        var expected = EventBridgeExpectations.Rules(server).Rules.Single(r => r.Name == "ItemCreated").Targets;
        queues.Select(t => t!["Id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
        queues.Select(t => t!["Arn"]!.GetValue<string>()).Order(StringComparer.Ordinal).ShouldBe(expected.Select(EventBridgeExpectations.QueueArn).Order(StringComparer.Ordinal));
        machine.Count.ShouldBe(1);
        machine[0]!["Id"]!.GetValue<string>().ShouldBe("stateMachine.DisputeResolution");
        machine[0]!["Arn"]!.GetValue<string>().ShouldBe(EventBridgeExpectations.StateMachineArn("DisputeResolution"));
    }

    [Fact]
    public async Task An_unknown_rule_is_not_found_on_the_default_bus()
    {
        var described = await Cli.RunAsync("describe-rule", "--name", "NoSuchRule");
        var targets = await Cli.RunAsync("list-targets-by-rule", "--rule", "NoSuchRule");

        described.ShouldFailWith("ResourceNotFoundException");
        described.Error.ShouldContain("Rule NoSuchRule does not exist on EventBus default.");
        targets.ShouldFailWith("ResourceNotFoundException");
        targets.Error.ShouldContain("Rule NoSuchRule does not exist on EventBus default.");
    }

    [Fact]
    public async Task The_one_bus_is_default()
    {
        var described = (await Cli.RunAsync("describe-event-bus")).Json;
        var listed = (await Cli.RunAsync("list-event-buses")).Json["EventBuses"]!.AsArray();

        described["Name"]!.GetValue<string>().ShouldBe("default");
        described["Arn"]!.GetValue<string>().ShouldBe(EventBridgeExpectations.BusArn);
        listed.Select(b => b!["Name"]!.GetValue<string>()).ShouldBe(["default"]);
        listed[0]!["Arn"]!.GetValue<string>().ShouldBe(EventBridgeExpectations.BusArn);
        (await Cli.RunAsync("describe-event-bus", "--name", "orders")).ShouldFailWith("ResourceNotFoundException");
    }

    [Fact]
    public async Task Writes_are_refused_as_unknown_operations_that_name_the_rules_file()
    {
        var putRule = await Cli.RunAsync("put-rule", "--name", "Mine", "--event-pattern", """{"source":["ecobid.items"]}""");
        var putEvents = await Cli.RunAsync("put-events", "--entries", """[{"Source":"ecobid.items","DetailType":"ItemCreated","Detail":"{}"}]""");

        putRule.ShouldFailWith("UnknownOperationException");
        putRule.Error.ShouldContain("rules file");
        putEvents.ShouldFailWith("UnknownOperationException");
        putEvents.Error.ShouldContain("own state changes");
    }

    [Fact]
    public async Task A_wrong_secret_or_an_unknown_key_is_refused()
    {
        (await server.Cli(secret: "not-the-secret", service: "events").RunAsync("list-rules")).ShouldFailWith("InvalidSignatureException");
        (await server.Cli(accessKey: "AKIAUNKNOWNKEY000000", service: "events").RunAsync("list-rules")).ShouldFailWith("UnrecognizedClientException");
    }
}
