namespace EcoBid.Server.Workflows.Tasks;

/// <summary>A Task state's <c>Resource</c>, understood: which integration, how it waits, and the function it names directly.</summary>
public sealed record TaskResource(TaskResourceKind Kind, TaskWaitMode Mode, string? FunctionName = null)
{
    private const string LambdaInvoke = "arn:aws:states:::lambda:invoke";
    private const string PutEvents = "arn:aws:states:::events:putEvents";
    private const string StartExecution = "arn:aws:states:::states:startExecution";

    /// <summary>The resource understood, or null when EcoBid cannot run it (the message says why).</summary>
    public static TaskResource? Parse(string resource, out string? problem)
    {
        problem = null;
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.StartsWith("arn:aws:lambda:", StringComparison.Ordinal))
        {
            var parts = resource.Split(':');
            if (parts.Length is < 7 or > 8 || parts[5] != "function" || parts[6].Length == 0)
            {
                problem = $"'{resource}' is not a Lambda function ARN (arn:aws:lambda:region:account:function:name).";
                return null;
            }

            return new TaskResource(TaskResourceKind.LambdaFunction, TaskWaitMode.RequestResponse, parts[6]);
        }

        foreach (var (prefix, kind) in new[] { (LambdaInvoke, TaskResourceKind.LambdaInvoke), (PutEvents, TaskResourceKind.PutEvents), (StartExecution, TaskResourceKind.StartExecution) })
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var suffix = resource[prefix.Length..];
            TaskWaitMode? mode = suffix switch
            {
                "" => TaskWaitMode.RequestResponse,
                ".waitForTaskToken" => TaskWaitMode.Callback,
                ".sync" when kind == TaskResourceKind.StartExecution => TaskWaitMode.Sync,
                ".sync:2" when kind == TaskResourceKind.StartExecution => TaskWaitMode.Sync2,
                _ => null,
            };
            if (mode is null)
            {
                problem = $"The resource '{resource}' has an integration pattern EcoBid does not run ('{suffix}').";
                return null;
            }

            return new TaskResource(kind, mode.Value);
        }

        problem = $"The resource '{resource}' is not one EcoBid runs: use arn:aws:states:::lambda:invoke, a Lambda function ARN, "
            + "arn:aws:states:::events:putEvents or arn:aws:states:::states:startExecution (with .sync, .sync:2 or .waitForTaskToken).";
        return null;
    }
}
