using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Workflows;

namespace EcoBid.Server.Tests.Aws;

/// <summary>
/// The real server (with the workflow test tasks Echo and Fail) listening on a loopback port through Kestrel, so the
/// AWS CLI and boto3 reach <c>/aws</c> over real HTTP, with a configured access key.
/// </summary>
public sealed class AwsEndpointServer : IDisposable
{
    public const string AccessKey = "AKIAECOBIDTESTKEY001";
    public const string Secret = "ecobid/test/secret/key+for+the+aws+protocol";
    public const string Region = "us-east-1";
    public const string RoleArn = "arn:aws:iam::123456789012:role/ecobid-tests";

    public AwsEndpointServer()
    {
        App = new WorkflowTestApp();
        App.With("Aws:AccessKeyId", AccessKey).With("Aws:SecretAccessKey", Secret);
        Port = FreePort.Next();
        App.UseKestrel(Port);
        App.StartServer();
    }

    public WorkflowTestApp App { get; }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}/aws";

    public Boto3Client Boto3(
        string? accessKey = null, string? secret = null, string region = Region, bool withoutSignature = false, bool parameterValidation = true, string service = "stepfunctions") =>
        new(Endpoint, accessKey ?? AccessKey, secret ?? Secret, region) { WithoutSignature = withoutSignature, ParameterValidation = parameterValidation, Service = service };

    public AwsCli Cli(string? accessKey = null, string? secret = null, string service = "stepfunctions") =>
        new(Endpoint, accessKey ?? AccessKey, secret ?? Secret, Region) { Service = service };

    public string MachineArn(string name) => $"arn:aws:states:{Region}:123456789012:stateMachine:{name}";

    public string ExecutionArn(string machine, string name) => $"arn:aws:states:{Region}:123456789012:execution:{machine}:{name}";

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 80)];

    public void Dispose() => App.Dispose();
}
