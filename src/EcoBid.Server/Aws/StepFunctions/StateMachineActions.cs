using System.Text.Json.Nodes;
using EcoBid.Server.Aws.Protocol;
using EcoBid.Server.Workflows.Contract;

namespace EcoBid.Server.Aws.StepFunctions;

/// <summary>CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines, DeleteStateMachine, ValidateStateMachineDefinition.</summary>
internal static class StateMachineActions
{
    /// <summary>AWS's default and largest number of diagnostics ValidateStateMachineDefinition returns.</summary>
    private const int MaxDiagnostics = 100;

    public static async Task<JsonObject> CreateAsync(AwsActionContext call)
    {
        var tags = (call.Input["tags"] as JsonArray)?
            .OfType<JsonObject>()
            .Where(tag => AwsActionContext.Text(tag, "key") is not null)
            .GroupBy(tag => AwsActionContext.Text(tag, "key")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => AwsActionContext.Text(g.Last(), "value") ?? "", StringComparer.Ordinal);
        var created = await call.Service<IWorkflowService>().CreateStateMachineAsync(
            new CreateStateMachineRequest(
                call.Required("name"), call.Required("definition"), call.Text("type"), call.Required("roleArn"),
                call.Structure("loggingConfiguration")?.ToJsonString(), tags, call.Boolean("publish"), call.Text("versionDescription")),
            call.CancellationToken);
        return new JsonObject
        {
            ["stateMachineArn"] = created.StateMachineArn,
            ["creationDate"] = AwsTimestamps.ToJson(created.CreationDate),
        }.With("stateMachineVersionArn", created.StateMachineVersionArn);
    }

    public static async Task<JsonObject> UpdateAsync(AwsActionContext call)
    {
        string[] changes = ["definition", "roleArn", "loggingConfiguration", "tracingConfiguration", "encryptionConfiguration"];
        if (!changes.Any(name => call.Input[name] is not null))
        {
            throw new AwsException(StepFunctionsErrors.MissingRequiredParameter,
                "Either the definition, the role ARN, the LoggingConfiguration, the EncryptionConfiguration or the TracingConfiguration must be specified");
        }

        var updated = await call.Service<IWorkflowService>().UpdateStateMachineAsync(
            new UpdateStateMachineRequest(
                call.Required("stateMachineArn"), call.Text("definition"), call.Text("roleArn"),
                call.Structure("loggingConfiguration")?.ToJsonString(), call.Boolean("publish"), call.Text("versionDescription")),
            call.CancellationToken);
        return new JsonObject { ["updateDate"] = AwsTimestamps.ToJson(updated.UpdateDate) }
            .With("revisionId", updated.RevisionId)
            .With("stateMachineVersionArn", updated.StateMachineVersionArn);
    }

    public static async Task<JsonObject> DescribeAsync(AwsActionContext call)
    {
        var machine = await call.Service<IWorkflowService>().DescribeStateMachineAsync(call.Required("stateMachineArn"), call.CancellationToken);
        return new JsonObject
        {
            ["stateMachineArn"] = machine.StateMachineArn,
            ["name"] = machine.Name,
            ["status"] = machine.Status,
            ["definition"] = machine.Definition,
            ["roleArn"] = machine.RoleArn,
            ["type"] = machine.Type,
            ["creationDate"] = AwsTimestamps.ToJson(machine.CreationDate),
            ["loggingConfiguration"] = new JsonObject { ["level"] = "OFF", ["includeExecutionData"] = false },
            ["tracingConfiguration"] = new JsonObject { ["enabled"] = false },
        }
        .With("revisionId", machine.RevisionId)
        .With("description", machine.Description);
    }

    public static async Task<JsonObject> ListAsync(AwsActionContext call)
    {
        var page = await call.Service<IWorkflowService>().ListStateMachinesAsync(call.Text("nextToken"), PageSize(call), call.CancellationToken);
        var machines = new JsonArray();
        foreach (var machine in page.Items)
        {
            machines.Add(new JsonObject
            {
                ["stateMachineArn"] = machine.StateMachineArn,
                ["name"] = machine.Name,
                ["type"] = machine.Type,
                ["creationDate"] = AwsTimestamps.ToJson(machine.CreationDate),
            });
        }

        return new JsonObject { ["stateMachines"] = machines }.With("nextToken", page.NextToken);
    }

    public static async Task<JsonObject> DeleteAsync(AwsActionContext call)
    {
        await call.Service<IWorkflowService>().DeleteStateMachineAsync(call.Required("stateMachineArn"), call.CancellationToken);
        return [];
    }

    /// <summary>
    /// Severity ERROR (the default) reports errors only, WARNING errors and warnings; at most <c>maxResults</c>
    /// (0 or absent: 100) diagnostics, with <c>truncated</c> when there were more.
    /// </summary>
    public static Task<JsonObject> ValidateAsync(AwsActionContext call)
    {
        var validation = call.Service<IWorkflowService>().ValidateDefinition(call.Required("definition"), call.Text("type"), null);
        var withWarnings = call.Text("severity") == "WARNING";
        var limit = call.WholeNumber("maxResults") is { } max and > 0 ? max : MaxDiagnostics;
        var reported = validation.Diagnostics.Where(d => withWarnings || d.Severity == "ERROR").ToList();
        var diagnostics = new JsonArray();
        foreach (var diagnostic in reported.Take(limit))
        {
            diagnostics.Add(new JsonObject
            {
                ["severity"] = diagnostic.Severity,
                ["code"] = diagnostic.Code,
                ["message"] = diagnostic.Message,
            }.With("location", diagnostic.Location));
        }

        return Task.FromResult(new JsonObject
        {
            ["result"] = validation.Result,
            ["diagnostics"] = diagnostics,
            ["truncated"] = validation.Truncated || reported.Count > limit,
        });
    }

    /// <summary>0 asks for the default page size, as absent does.</summary>
    internal static int? PageSize(AwsActionContext call) => call.WholeNumber("maxResults") is { } size and > 0 ? size : null;
}
