using System.Diagnostics;
using System.Text.Json.Nodes;

namespace EcoBid.Server.Tests.Aws;

/// <summary>The real AWS CLI: <c>aws stepfunctions … --endpoint-url http://127.0.0.1:PORT/aws --output json</c> (or another service's command).</summary>
public sealed class AwsCli(string endpoint, string accessKey, string secret, string region = "us-east-1")
{
    /// <summary>The CLI's command for the service: <c>stepfunctions</c>, <c>events</c>.</summary>
    public string Service { get; init; } = "stepfunctions";

    public async Task<AwsCliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(AwsTools.Find("aws"));
        start.ArgumentList.Add(Service);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpoint);
        start.ArgumentList.Add("--region");
        start.ArgumentList.Add(region);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        AwsTools.Isolate(start, accessKey, secret, region);

        // StartSyncExecution and TestState would be sent to "sync-<host>": the documented switch keeps the host.
        start.Environment["AWS_DISABLE_HOST_PREFIX_INJECTION"] = "true";
        var (exitCode, output, error) = await AwsTools.RunAsync(start);
        return new AwsCliResult(exitCode, output, error);
    }
}

public sealed record AwsCliResult(int ExitCode, string Output, string Error)
{
    public JsonObject Json
    {
        get
        {
            ExitCode.ShouldBe(0, $"aws failed: {Error}");
            return Output.Trim().Length == 0 ? [] : JsonNode.Parse(Output)!.AsObject();
        }
    }

    public string? this[string name] => Json[name]?.GetValue<string>();

    /// <summary>The CLI reports "An error occurred (Code) when calling the X operation: message" and exits non-zero.</summary>
    public void ShouldFailWith(string code)
    {
        ExitCode.ShouldNotBe(0, Output);
        Error.ShouldContain($"An error occurred ({code})");
    }
}
