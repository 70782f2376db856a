using System.Text.Json.Nodes;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Aws;

/// <summary><c>ecobid aws credentials</c> against the real executable: the key it shows is the key the server accepts.</summary>
public sealed class AwsCredentialsCommandTests
{
    [Fact]
    public async Task The_generated_key_is_shown_kept_across_restarts_and_signs_requests_boto3_makes()
    {
        await using var server = ServerProcess.Create();
        var (exitCode, output) = await server.RunCliAsync("aws", "credentials", "--json");
        exitCode.ShouldBe(0, output);
        var shown = JsonNode.Parse(output)!;
        var key = shown["accessKeyId"]!.GetValue<string>();
        var secret = shown["secretAccessKey"]!.GetValue<string>();
        key.ShouldMatch("^AKIA[A-Z2-7]{16}$");
        secret.Length.ShouldBe(40);
        shown["region"]!.GetValue<string>().ShouldBe("us-east-1");
        File.Exists(Path.Combine(server.DataDirectory, "aws-credentials.json")).ShouldBeTrue();

        await server.StartAsync();
        var endpoint = new Uri(server.BaseAddress, "/aws").ToString();
        var listed = await new Boto3Client(endpoint, key, secret).CallAsync("list_state_machines");
        listed.Ok.ContainsKey("stateMachines").ShouldBeTrue(listed.ToString());
        (await new Boto3Client(endpoint, key, secret + "x").CallAsync("list_state_machines")).ErrorCode.ShouldBe("InvalidSignatureException");

        await server.RestartAsync();
        var (_, exports) = await server.RunCliAsync("aws", "credentials");
        exports.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe([
            $"export AWS_ACCESS_KEY_ID={key}",
            $"export AWS_SECRET_ACCESS_KEY={secret}",
            "export AWS_DEFAULT_REGION=us-east-1"]);
        (await new Boto3Client(endpoint, key, secret).CallAsync("list_state_machines")).Ok.ContainsKey("stateMachines").ShouldBeTrue();
        await server.StopAsync();
    }

    [Fact]
    public async Task A_configured_key_is_shown_in_place_of_a_generated_one()
    {
        await using var server = ServerProcess.Create(new Dictionary<string, string>
        {
            ["Aws__AccessKeyId"] = "AKIACONFIGUREDKEY001",
            ["Aws__SecretAccessKey"] = "configured-secret",
            ["Aws__Region"] = "eu-central-1",
        });
        var (exitCode, output) = await server.RunCliAsync("aws", "credentials", "--json");

        exitCode.ShouldBe(0, output);
        var shown = JsonNode.Parse(output)!;
        shown["accessKeyId"]!.GetValue<string>().ShouldBe("AKIACONFIGUREDKEY001");
        shown["secretAccessKey"]!.GetValue<string>().ShouldBe("configured-secret");
        shown["region"]!.GetValue<string>().ShouldBe("eu-central-1");
        File.Exists(Path.Combine(server.DataDirectory, "aws-credentials.json")).ShouldBeFalse();
    }
}
