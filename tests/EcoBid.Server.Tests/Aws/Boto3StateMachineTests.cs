namespace EcoBid.Server.Tests.Aws;

/// <summary>State machine actions through boto3 against /aws.</summary>
public sealed class Boto3StateMachineTests(AwsEndpointServer server) : IClassFixture<AwsEndpointServer>
{
    private const string PassMachine = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"v":1},"End":true}}}""";
    private const string PassMachineV2 = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"v":2},"End":true}}}""";

    [Fact]
    public async Task A_machine_is_created_described_listed_updated_and_deleted()
    {
        var name = AwsEndpointServer.Unique("lifecycle");
        var arn = server.MachineArn(name);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var results = await server.Boto3().RunAsync(
            ("create_state_machine", new { name, definition = PassMachine, roleArn = AwsEndpointServer.RoleArn }),
            ("describe_state_machine", new { stateMachineArn = arn }),
            ("list_state_machines", new { maxResults = 1000 }),
            ("update_state_machine", new { stateMachineArn = arn, definition = PassMachineV2 }),
            ("describe_state_machine", new { stateMachineArn = arn }),
            ("delete_state_machine", new { stateMachineArn = arn }),
            ("describe_state_machine", new { stateMachineArn = arn }));

        results[0]["stateMachineArn"].ShouldBe(arn);
        results[0].Date("creationDate").ShouldBeInRange(before, DateTimeOffset.UtcNow.AddSeconds(5));
        results[0].Json["requestId"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        var described = results[1];
        described["name"].ShouldBe(name);
        described["status"].ShouldBe("ACTIVE");
        described["type"].ShouldBe("STANDARD");
        described["definition"].ShouldBe(PassMachine);
        described["roleArn"].ShouldBe(AwsEndpointServer.RoleArn);
        described.Date("creationDate").ShouldBe(results[0].Date("creationDate"));

        results[2].Ok["stateMachines"]!.AsArray().Select(m => m!["stateMachineArn"]!.GetValue<string>()).ShouldContain(arn);
        results[3].Date("updateDate").ShouldBeGreaterThanOrEqualTo(results[0].Date("creationDate"));
        results[4]["definition"].ShouldBe(PassMachineV2);
        results[5].Ok.Count.ShouldBe(0);
        results[6].ErrorCode.ShouldBe("StateMachineDoesNotExist");
        results[6].ErrorMessage.ShouldBe($"State Machine Does Not Exist: '{arn}'");
        results[6].ErrorStatus.ShouldBe(400);
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_with_the_engines_message()
    {
        var result = await server.Boto3().CallAsync("create_state_machine", new
        {
            name = AwsEndpointServer.Unique("invalid"),
            definition = """{"StartAt":"Missing","States":{"P":{"Type":"Pass","End":true}}}""",
            roleArn = AwsEndpointServer.RoleArn,
        });

        result.ErrorCode.ShouldBe("InvalidDefinition");
        result.ErrorMessage.ShouldStartWith("Invalid State Machine Definition: '");
        result.ErrorMessage.ShouldContain("MISSING_TRANSITION_TARGET");
    }

    [Fact]
    public async Task Validate_reports_ok_or_the_diagnostics_without_creating_anything()
    {
        var results = await server.Boto3().RunAsync(
            ("validate_state_machine_definition", new { definition = PassMachine }),
            ("validate_state_machine_definition", new { definition = """{"StartAt":"Missing","States":{"P":{"Type":"Pass","End":true}}}""" }),
            ("validate_state_machine_definition", new { definition = "{not json" }));

        results[0]["result"].ShouldBe("OK");
        results[0].Ok["diagnostics"]!.AsArray().Count.ShouldBe(0);
        results[0].Ok["truncated"]!.GetValue<bool>().ShouldBeFalse();
        results[1]["result"].ShouldBe("FAIL");
        var diagnostic = results[1].Ok["diagnostics"]![0]!;
        diagnostic["severity"]!.GetValue<string>().ShouldBe("ERROR");
        diagnostic["code"]!.GetValue<string>().ShouldBe("MISSING_TRANSITION_TARGET");
        diagnostic["message"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        results[2]["result"].ShouldBe("FAIL");
        results[2].Ok["diagnostics"]![0]!["code"]!.GetValue<string>().ShouldBe("INVALID_JSON_DESCRIPTION");
    }

    [Fact]
    public async Task Creating_the_same_name_with_another_definition_is_refused()
    {
        var name = AwsEndpointServer.Unique("twice");
        var results = await server.Boto3().RunAsync(
            ("create_state_machine", new { name, definition = PassMachine, roleArn = AwsEndpointServer.RoleArn }),
            ("create_state_machine", new { name, definition = PassMachineV2, roleArn = AwsEndpointServer.RoleArn }));

        results[0]["stateMachineArn"].ShouldBe(server.MachineArn(name));
        results[1].ErrorCode.ShouldBe("StateMachineAlreadyExists");
    }

    [Fact]
    public async Task Lists_page_with_next_token()
    {
        var prefix = AwsEndpointServer.Unique("page");
        var boto3 = server.Boto3();
        await boto3.RunAsync(Enumerable.Range(0, 3).Select(i => ("create_state_machine", (object?)new { name = $"{prefix}-{i}", definition = PassMachine, roleArn = AwsEndpointServer.RoleArn })).ToArray());

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = token is null
                ? await boto3.CallAsync("list_state_machines", new { maxResults = 2 })
                : await boto3.CallAsync("list_state_machines", new { maxResults = 2, nextToken = token });
            var machines = page.Ok["stateMachines"]!.AsArray();
            machines.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(machines.Select(m => m!["name"]!.GetValue<string>()));
            token = page["nextToken"];
            pages++;
        }
        while (token is not null && pages < 100);

        seen.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order().ShouldBe([$"{prefix}-0", $"{prefix}-1", $"{prefix}-2"]);
        seen.Distinct().Count().ShouldBe(seen.Count);
    }
}
