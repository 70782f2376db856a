using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcoBid.Server.Tests.Aws;

/// <summary>Runs calls through boto3 (<c>boto3_driver.py</c>) in one python process per batch.</summary>
public sealed class Boto3Client(string endpoint, string accessKey, string secret, string region = "us-east-1")
{
    /// <summary>boto3's name of the service: <c>stepfunctions</c>, <c>events</c>.</summary>
    public string Service { get; init; } = "stepfunctions";

    public bool WithoutSignature { get; init; }

    /// <summary>False sends what boto3 would refuse on the client side, to see the server's own validation.</summary>
    public bool ParameterValidation { get; init; } = true;

    public async Task<IReadOnlyList<Boto3Result>> RunAsync(params (string Op, object? Params)[] calls)
    {
        var spec = new JsonObject
        {
            ["client"] = new JsonObject
            {
                ["endpoint"] = endpoint,
                ["accessKeyId"] = accessKey,
                ["secretAccessKey"] = secret,
                ["region"] = region,
                ["service"] = Service,
                ["unsigned"] = WithoutSignature,
                ["parameterValidation"] = ParameterValidation,
            },
            ["calls"] = new JsonArray(calls.Select(c => (JsonNode)new JsonObject
            {
                ["op"] = c.Op,
                ["params"] = c.Params is null ? null : JsonSerializer.SerializeToNode(c.Params),
            }).ToArray()),
        };
        var start = new ProcessStartInfo(AwsTools.Find("python3"));
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Aws", "boto3_driver.py"));
        AwsTools.Isolate(start, accessKey, secret, region);
        var (exitCode, output, error) = await AwsTools.RunAsync(start, spec.ToJsonString());
        if (exitCode != 0 && error.Contains("No module named 'boto3'", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{start.FileName} cannot import boto3: the /aws protocol tests drive boto3 (pip install boto3, or Debian's python3-boto3 for Debian's python3; scripts/install-test-prerequisites.sh does it).");
        }

        if (exitCode != 0)
        {
            throw new InvalidOperationException($"boto3 driver exited {exitCode}: {error}");
        }

        return JsonNode.Parse(output)!.AsArray().Select(r => new Boto3Result(r!.AsObject())).ToList();
    }

    public async Task<Boto3Result> CallAsync(string op, object? parameters = null) => (await RunAsync((op, parameters)))[0];
}

/// <summary>One call's outcome: the response (<see cref="Ok"/>) or the error botocore parsed.</summary>
public sealed class Boto3Result(JsonObject json)
{
    public JsonObject Json { get; } = json;

    public JsonObject Ok => Json["ok"] as JsonObject ?? throw new ShouldAssertException($"expected a response, got {Json.ToJsonString()}");

    public JsonObject Error => Json["error"] as JsonObject ?? throw new ShouldAssertException($"expected an error, got {Json.ToJsonString()}");

    public string? this[string name] => Ok[name]?.GetValue<string>();

    public string ErrorCode => Error["code"]!.GetValue<string>();

    public string ErrorMessage => Error["message"]!.GetValue<string>();

    public int ErrorStatus => Error["status"]!.GetValue<int>();

    /// <summary>A date botocore parsed from the wire (a number there), as it was.</summary>
    public DateTimeOffset Date(string name) =>
        DateTimeOffset.Parse((Ok[name] as JsonObject)?["datetime"]?.GetValue<string>() ?? throw new ShouldAssertException($"'{name}' is not a date: {Ok.ToJsonString()}"), System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => Json.ToJsonString();
}
