using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace EcoBid.Server.Tests.Aws.EventBridge;

/// <summary>EventBridge's actions through boto3 against /aws: what botocore parses from the answers and errors.</summary>
public sealed class Boto3EventBridgeTests(AwsEndpointServer server) : IClassFixture<AwsEndpointServer>
{
    private const string RuleNamePattern = @"[\.\-_A-Za-z0-9]+";

    private Boto3Client Events(bool parameterValidation = true) => server.Boto3(parameterValidation: parameterValidation, service: "events");

    [Fact]
    public async Task Test_event_pattern_answers_every_case()
    {
        var cases = new EventPatternCases().Select(row => (Name: (string)row[0], Pattern: (string)row[1], Expected: (bool)row[2])).ToList();

        var results = await Events().RunAsync([.. cases.Select(c => ("test_event_pattern", (object?)new { EventPattern = c.Pattern, Event = EventPatternCases.Event }))]);

        for (var i = 0; i < cases.Count; i++)
        {
            results[i].Ok["Result"]!.GetValue<bool>().ShouldBe(cases[i].Expected, cases[i].Name);
        }
    }

    [Fact]
    public async Task Invalid_patterns_and_events_are_refused_with_AWS_codes_and_the_matchers_messages()
    {
        var cases = new InvalidTestEventPatternCases()
            .Select(row => (Name: (string)row[0], Pattern: (string)row[1], Event: (string)row[2], Code: (string)row[3], Lead: (string)row[4]))
            .ToList();

        var results = await Events().RunAsync([.. cases.Select(c => ("test_event_pattern", (object?)new { EventPattern = c.Pattern, Event = c.Event }))]);

        for (var i = 0; i < cases.Count; i++)
        {
            var (name, pattern, @event, code, lead) = cases[i];
            results[i].ErrorCode.ShouldBe(code, name);
            results[i].ErrorStatus.ShouldBe(400, name);
            results[i].ErrorMessage.ShouldStartWith(lead, customMessage: name);
            // A refused pattern carries the matcher's reason; a refused event is AWS's sentence alone.
            results[i].ErrorMessage.ShouldBe(code == "ValidationException" ? InvalidTestEventPatternCases.EventLead : EventBridgeExpectations.MatcherMessage(pattern, @event), name);
        }
    }

    public static TheoryData<string, string, string> MissingOrInvalidParameters => new()
    {
        { "test_event_pattern", "{}", "2 validation errors detected: Value null at 'eventPattern' failed to satisfy constraint: Member must not be null; Value null at 'event' failed to satisfy constraint: Member must not be null" },
        { "test_event_pattern", """{"EventPattern":"{\"source\":[\"a\"]}"}""", "1 validation error detected: Value null at 'event' failed to satisfy constraint: Member must not be null" },
        { "describe_rule", "{}", "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null" },
        { "list_targets_by_rule", "{}", "1 validation error detected: Value null at 'rule' failed to satisfy constraint: Member must not be null" },
        { "list_rules", """{"Limit":0}""", "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1" },
        { "list_targets_by_rule", """{"Rule":"ItemCreated","Limit":101}""", "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100" },
        { "describe_rule", """{"Name":"no spaces"}""", $"1 validation error detected: Value 'no spaces' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: {RuleNamePattern}" },
        {
            "list_rules", """{"NamePrefix":""}""",
            $"2 validation errors detected: Value '' at 'namePrefix' failed to satisfy constraint: Member must satisfy regular expression pattern: {RuleNamePattern}; Value '' at 'namePrefix' failed to satisfy constraint: Member must have length greater than or equal to 1"
        },
    };

    [Theory]
    [MemberData(nameof(MissingOrInvalidParameters))]
    public async Task Missing_or_invalid_parameters_are_a_validation_exception(string operation, string parameters, string message)
    {
        var result = await Events(parameterValidation: false).CallAsync(operation, JsonNode.Parse(parameters));

        result.ErrorCode.ShouldBe("ValidationException");
        result.ErrorStatus.ShouldBe(400);
        result.ErrorMessage.ShouldBe(message);
    }

    [Fact]
    public async Task A_pattern_over_4096_characters_is_a_validation_exception()
    {
        var pattern = $$"""{"source":["{{new string('a', 4096)}}"]}""";

        var result = await Events(parameterValidation: false).CallAsync("test_event_pattern", new { EventPattern = pattern, Event = EventPatternCases.Event });

        result.ErrorCode.ShouldBe("ValidationException");
        result.ErrorMessage.ShouldBe($"1 validation error detected: Value '{pattern}' at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to 4096");
    }

    [Fact]
    public async Task Rules_and_targets_page_with_next_token()
    {
        var boto3 = Events();
        var rules = EventBridgeExpectations.Rules(server).Rules;
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await boto3.CallAsync("list_rules", token is null ? new { Limit = 5 } : new { Limit = 5, NextToken = token });
            var listed = page.Ok["Rules"]!.AsArray();
            listed.Count.ShouldBeLessThanOrEqualTo(5);
            seen.AddRange(listed.Select(r => r!["Name"]!.GetValue<string>()));
            token = page.Ok["NextToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null && pages < 100);

        seen.ShouldBe(rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        pages.ShouldBe((rules.Count + 4) / 5);

        var targets = await boto3.RunAsync(
            ("list_targets_by_rule", new { Rule = "ItemCreated", Limit = 3 }),
            ("list_rules", new { NextToken = "not a token" }));
        var first = targets[0].Ok;
        first["Targets"]!.AsArray().Count.ShouldBe(3);
        var rest = await boto3.CallAsync("list_targets_by_rule", new { Rule = "ItemCreated", Limit = 3, NextToken = first["NextToken"]!.GetValue<string>() });
        first["Targets"]!.AsArray().Concat(rest.Ok["Targets"]!.AsArray()).Select(t => t!["Id"]!.GetValue<string>())
            .ShouldBe(rules.Single(r => r.Name == "ItemCreated").Targets.Order(StringComparer.Ordinal));
        rest.Ok.ContainsKey("NextToken").ShouldBeFalse();
        targets[1].ErrorCode.ShouldBe("ValidationException");
    }

    [Fact]
    public async Task The_default_bus_is_named_by_name_or_ARN_and_no_other_bus_exists()
    {
        var results = await Events().RunAsync(
            ("list_rules", new { EventBusName = EventBridgeExpectations.BusArn, NamePrefix = "ItemCreated" }),
            ("describe_rule", new { Name = "ItemCreated", EventBusName = "default" }),
            ("list_rules", new { EventBusName = "orders" }),
            ("describe_rule", new { Name = "ItemCreated", EventBusName = "orders" }),
            ("describe_event_bus", new { Name = EventBridgeExpectations.BusArn }),
            ("list_event_buses", new { NamePrefix = "def" }),
            ("list_event_buses", new { NamePrefix = "orders" }));

        results[0].Ok["Rules"]!.AsArray().Select(r => r!["Name"]!.GetValue<string>()).ShouldBe(["ItemCreated"]);
        results[1]["Arn"].ShouldBe(EventBridgeExpectations.RuleArn("ItemCreated"));
        results[2].ErrorCode.ShouldBe("ResourceNotFoundException");
        results[2].ErrorMessage.ShouldBe("Event bus orders does not exist.");
        results[3].ErrorCode.ShouldBe("ResourceNotFoundException");
        results[3].ErrorMessage.ShouldBe("Rule ItemCreated does not exist on EventBus orders.");
        results[4]["Name"].ShouldBe("default");
        results[5].Ok["EventBuses"]!.AsArray().Select(b => b!["Arn"]!.GetValue<string>()).ShouldBe([EventBridgeExpectations.BusArn]);
        results[6].Ok["EventBuses"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_rule_is_a_resource_not_found()
    {
        var results = await Events().RunAsync(
            ("describe_rule", new { Name = "NoSuchRule" }),
            ("list_targets_by_rule", new { Rule = "NoSuchRule" }));

        foreach (var result in results)
        {
            result.ErrorCode.ShouldBe("ResourceNotFoundException");
            result.ErrorStatus.ShouldBe(400);
            result.ErrorMessage.ShouldBe("Rule NoSuchRule does not exist on EventBus default.");
        }
    }

    [Fact]
    public async Task Writes_and_actions_left_out_are_unknown_operations()
    {
        var results = await Events().RunAsync(
            ("put_events", new { Entries = new[] { new { Source = "ecobid.items", DetailType = "ItemCreated", Detail = "{}" } } }),
            ("put_rule", new { Name = "Mine", EventPattern = """{"source":["ecobid.items"]}""" }),
            ("put_targets", new { Rule = "ItemCreated", Targets = new[] { new { Id = "Mine", Arn = EventBridgeExpectations.QueueArn("Mine") } } }),
            ("list_archives", new { }));

        results.Select(r => r.ErrorCode).ShouldAllBe(code => code == "UnknownOperationException");
        results[0].ErrorMessage.ShouldStartWith("Unknown operation: AWSEvents.PutEvents.");
        results[0].ErrorMessage.ShouldContain("own state changes");
        results[1].ErrorMessage.ShouldContain("rules file");
        results[2].ErrorMessage.ShouldContain("rules file");
        results[3].ErrorMessage.ShouldBe("Unknown operation: AWSEvents.ListArchives.");
        EventBridgeExpectations.Rules(server).Rules.ShouldNotContain(r => r.Name == "Mine");
    }

    [Fact]
    public async Task Requests_without_or_with_a_wrong_signature_are_refused_as_AWS_refuses_them()
    {
        var unsigned = await server.Boto3(withoutSignature: true, service: "events").CallAsync("list_rules");
        unsigned.ErrorCode.ShouldBe("MissingAuthenticationTokenException");
        unsigned.ErrorStatus.ShouldBe(400);

        var wrongSecret = await server.Boto3(secret: "not-the-secret", service: "events").CallAsync("test_event_pattern", new { EventPattern = """{"source":["a"]}""", Event = EventPatternCases.Event });
        wrongSecret.ErrorCode.ShouldBe("InvalidSignatureException");
        wrongSecret.ErrorMessage.ShouldStartWith("The request signature we calculated does not match the signature you provided.");

        var unknownKey = await server.Boto3(accessKey: "AKIAUNKNOWNKEY000000", service: "events").CallAsync("list_rules");
        unknownKey.ErrorCode.ShouldBe("UnrecognizedClientException");

        var otherRegion = await server.Boto3(region: "eu-west-1", service: "events").CallAsync("list_rules");
        otherRegion.ErrorCode.ShouldBe("InvalidSignatureException");
        otherRegion.ErrorMessage.ShouldContain("Credential should be scoped to a valid region");
    }

    [Theory]
    [InlineData("events", 200, "")]
    [InlineData("states", 400, "Credential should be scoped to correct service: 'events'.")]
    public async Task A_request_must_be_signed_for_events_and_is_answered_in_JSON_1_1(string signingName, int status, string message)
    {
        var body = TestSigner.Json("{}");
        var headers = TestSigner.Headers($"127.0.0.1:{server.Port}", "/aws", "AWSEvents.ListEventBuses", body,
            AwsEndpointServer.AccessKey, AwsEndpointServer.Secret, DateTimeOffset.UtcNow, service: signingName);
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(headers["content-type"]);
        foreach (var (name, value) in headers.Where(h => h.Key is not "host" and not "content-type"))
        {
            request.Headers.TryAddWithoutValidation(name, value).ShouldBeTrue(name);
        }

        using var client = new HttpClient();
        using var response = await client.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        ((int)response.StatusCode).ShouldBe(status, answer.ToJsonString());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-amz-json-1.1");
        if (status == 200)
        {
            answer["EventBuses"]![0]!["Name"]!.GetValue<string>().ShouldBe("default");
        }
        else
        {
            answer["__type"]!.GetValue<string>().ShouldBe("InvalidSignatureException");
            answer["message"]!.GetValue<string>().Trim().ShouldBe(message);
        }
    }
}
