using EcoBid.Server.Aws.Protocol;
using static EcoBid.Server.Aws.Protocol.AwsMember;

namespace EcoBid.Server.Aws.StepFunctions;

/// <summary>The input shapes of Step Functions' actions, with the constraints of AWS's service model.</summary>
internal static class StepFunctionsShapes
{
    public const int MaxDefinition = 1_048_576;
    public const int MaxData = 262_144;

    private static readonly string[] MachineTypes = ["STANDARD", "EXPRESS"];
    private static readonly string[] IncludedData = ["ALL_DATA", "METADATA_ONLY"];
    private static readonly string[] ExecutionStatuses = ["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"];

    private static AwsMember Arn(string name, bool required = true) => Text(name, required, 1, 256);

    private static AwsMember Definition(bool required) => Text("definition", required, 1, MaxDefinition, sensitive: true);

    private static AwsMember Data(string name, bool required = false) => Text(name, required, max: MaxData, sensitive: true);

    private static AwsMember Error() => Text("error", min: 0, max: 256, sensitive: true);

    private static AwsMember Cause() => Text("cause", min: 0, max: 32768, sensitive: true);

    private static AwsMember PageSize() => WholeNumber("maxResults", 0, 1000);

    private static readonly AwsShape Logging = new(
        OneOf("level", "ALL", "ERROR", "FATAL", "OFF"),
        Boolean("includeExecutionData"),
        ListOf("destinations", new AwsShape(Structure("cloudWatchLogsLogGroup", new AwsShape(Arn("logGroupArn", required: false))))));

    private static readonly AwsShape Tracing = new(Boolean("enabled"));

    private static readonly AwsShape Encryption = new(
        Text("kmsKeyId", min: 1, max: 2048),
        WholeNumber("kmsDataKeyReusePeriodSeconds", 60, 900),
        OneOf("type", "AWS_OWNED_KEY", "CUSTOMER_MANAGED_KMS_KEY") with { Required = true });

    public static readonly AwsShape CreateStateMachine = new(
        Text("name", required: true, min: 1, max: 80),
        Definition(required: true),
        Arn("roleArn"),
        OneOf("type", MachineTypes),
        Structure("loggingConfiguration", Logging),
        ListOf("tags", new AwsShape(Text("key", min: 1, max: 128), Text("value", min: 0, max: 256))),
        Structure("tracingConfiguration", Tracing),
        Boolean("publish"),
        Text("versionDescription", max: 256, sensitive: true),
        Structure("encryptionConfiguration", Encryption));

    public static readonly AwsShape UpdateStateMachine = new(
        Arn("stateMachineArn"),
        Definition(required: false),
        Arn("roleArn", required: false),
        Structure("loggingConfiguration", Logging),
        Structure("tracingConfiguration", Tracing),
        Boolean("publish"),
        Text("versionDescription", max: 256, sensitive: true),
        Structure("encryptionConfiguration", Encryption));

    public static readonly AwsShape DescribeStateMachine = new(Arn("stateMachineArn"), OneOf("includedData", IncludedData));

    public static readonly AwsShape ListStateMachines = new(PageSize(), Text("nextToken", min: 1, max: 1024));

    public static readonly AwsShape DeleteStateMachine = new(Arn("stateMachineArn"));

    public static readonly AwsShape ValidateStateMachineDefinition = new(
        Definition(required: true),
        OneOf("type", MachineTypes),
        OneOf("severity", "ERROR", "WARNING"),
        WholeNumber("maxResults", 0, 100));

    public static readonly AwsShape StartExecution = new(
        Arn("stateMachineArn"),
        Text("name", min: 1, max: 80),
        Data("input"),
        Text("traceHeader", min: 0, max: 256));

    public static readonly AwsShape StartSyncExecution = new(
        Arn("stateMachineArn"),
        Text("name", min: 1, max: 80),
        Data("input"),
        Text("traceHeader", min: 0, max: 256),
        OneOf("includedData", IncludedData));

    public static readonly AwsShape DescribeExecution = new(Arn("executionArn"), OneOf("includedData", IncludedData));

    public static readonly AwsShape ListExecutions = new(
        Arn("stateMachineArn", required: false),
        OneOf("statusFilter", ExecutionStatuses),
        PageSize(),
        Text("nextToken", min: 1, max: 3096),
        Text("mapRunArn", min: 1, max: 2000),
        OneOf("redriveFilter", "REDRIVEN", "NOT_REDRIVEN"));

    public static readonly AwsShape GetExecutionHistory = new(
        Arn("executionArn"),
        PageSize(),
        Boolean("reverseOrder"),
        Text("nextToken", min: 1, max: 1024),
        Boolean("includeExecutionData"));

    public static readonly AwsShape StopExecution = new(Arn("executionArn"), Error(), Cause());

    private static AwsMember TaskToken() => Text("taskToken", required: true, min: 1, max: 2048);

    public static readonly AwsShape SendTaskSuccess = new(TaskToken(), Data("output", required: true));

    public static readonly AwsShape SendTaskFailure = new(TaskToken(), Error(), Cause());

    public static readonly AwsShape SendTaskHeartbeat = new(TaskToken());

    public static readonly AwsShape TestState = new(
        Definition(required: true),
        Arn("roleArn", required: false),
        Data("input"),
        OneOf("inspectionLevel", "INFO", "DEBUG", "TRACE"),
        Boolean("revealSecrets"),
        Data("variables"),
        Text("stateName", min: 1, max: 80, sensitive: true),
        Structure("mock", new AwsShape(
            Data("result"),
            Structure("errorOutput", new AwsShape(Error(), Cause())),
            OneOf("fieldValidationMode", "STRICT", "PRESENT", "NONE"))),
        Data("context"),
        Structure("stateConfiguration", new AwsShape(
            WholeNumber("retrierRetryCount", min: 0),
            Text("errorCausedByState", min: 1, max: 80, sensitive: true),
            WholeNumber("mapIterationFailureCount", min: 0),
            Data("mapItemReaderData"))));
}
