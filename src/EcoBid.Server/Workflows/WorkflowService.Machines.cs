using System.Globalization;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Server.Workflows.Persistence;
using EcoBid.Server.Workflows.Runtime;
using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Definition;

namespace EcoBid.Server.Workflows;

public sealed partial class WorkflowService
{
    public async Task<StateMachineCreated> CreateStateMachineAsync(CreateStateMachineRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!WorkflowNames.IsValid(request.Name))
        {
            throw new WorkflowException(WorkflowErrors.InvalidName, $"Invalid Name: '{request.Name}'");
        }

        var type = CheckedType(request.Type);
        CheckDefinition(request.Definition, type);
        return await database.WriteAsync(async scope =>
        {
            var now = scope.Now;
            if (await store.FindMachineAsync(scope, request.Name) is { } existing)
            {
                var current = await store.FindVersionAsync(scope, existing.Name, existing.CurrentVersion);
                if (existing.Status == Active && current?.Definition == request.Definition && existing.Type == type)
                {
                    return new StateMachineCreated(existing.Arn, DateTimeOffset.FromUnixTimeMilliseconds(existing.CreatedAt));
                }

                throw new WorkflowException(WorkflowErrors.StateMachineAlreadyExists, $"State Machine Already Exists: '{existing.Arn}'");
            }

            var machine = new StateMachineRecord
            {
                Name = request.Name,
                Arn = arns.StateMachine(request.Name),
                Type = type,
                RoleArn = request.RoleArn ?? $"arn:aws:iam::{arns.Account}:role/ecobid-workflows",
                Status = Active,
                CurrentVersion = 1,
                Origin = "api",
                Logging = request.LoggingConfiguration,
                CreatedAt = now.ToUnixTimeMilliseconds(),
                UpdatedAt = now.ToUnixTimeMilliseconds(),
            };
            await store.InsertMachineAsync(scope, machine);
            await store.InsertVersionAsync(scope, NewVersion(machine.Name, 1, request.Definition, request.Publish, request.VersionDescription, now));
            return new StateMachineCreated(machine.Arn, now, request.Publish ? arns.Version(machine.Name, 1) : null);
        }, cancellationToken);
    }

    public async Task<StateMachineUpdated> UpdateStateMachineAsync(UpdateStateMachineRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = MachineName(request.StateMachineArn);
        return await database.WriteAsync(async scope =>
        {
            var machine = await store.FindMachineAsync(scope, name);
            if (machine is null || machine.Status != Active)
            {
                throw NoMachine(request.StateMachineArn);
            }

            if (request.Definition is not null)
            {
                CheckDefinition(request.Definition, machine.Type);
            }

            var (updated, version) = await NewVersionIfChangedAsync(scope, machine, request.Definition, request.Publish, request.VersionDescription, machine.Origin);
            updated = new StateMachineRecord
            {
                Name = updated.Name, Arn = updated.Arn, Type = updated.Type, RoleArn = request.RoleArn ?? updated.RoleArn, Status = updated.Status,
                CurrentVersion = updated.CurrentVersion, Origin = updated.Origin, Logging = request.LoggingConfiguration ?? updated.Logging,
                Description = updated.Description, CreatedAt = updated.CreatedAt, UpdatedAt = scope.Now.ToUnixTimeMilliseconds(),
            };
            await store.UpdateMachineAsync(scope, updated);
            return new StateMachineUpdated(scope.Now, version.RevisionId, request.Publish ? arns.Version(machine.Name, version.Version) : null);
        }, cancellationToken);
    }

    /// <summary>
    /// Puts a definition in place under a name, as the definitions folder does at start: a new machine, a new version
    /// of a changed one, or nothing when it is unchanged. Returns the version in force.
    /// </summary>
    public Task<int> DeployAsync(string name, string definition, string type, string origin, CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            var machine = await store.FindMachineAsync(scope, name);
            if (machine is null)
            {
                var now = scope.Now.ToUnixTimeMilliseconds();
                await store.InsertMachineAsync(scope, new StateMachineRecord
                {
                    Name = name, Arn = arns.StateMachine(name), Type = type, RoleArn = $"arn:aws:iam::{arns.Account}:role/ecobid-workflows",
                    Status = Active, CurrentVersion = 1, Origin = origin, CreatedAt = now, UpdatedAt = now,
                });
                await store.InsertVersionAsync(scope, NewVersion(name, 1, definition, false, null, scope.Now));
                return 1;
            }

            var (updated, version) = await NewVersionIfChangedAsync(scope, machine, definition, false, null, origin);
            if (updated.CurrentVersion != machine.CurrentVersion || machine.Type != type || machine.Status != Active)
            {
                await store.UpdateMachineAsync(scope, new StateMachineRecord
                {
                    Name = updated.Name, Arn = updated.Arn, Type = type, RoleArn = updated.RoleArn, Status = Active, CurrentVersion = updated.CurrentVersion,
                    Origin = origin, Logging = updated.Logging, Description = updated.Description, CreatedAt = updated.CreatedAt, UpdatedAt = scope.Now.ToUnixTimeMilliseconds(),
                });
            }

            return version.Version;
        }, cancellationToken);

    public async Task<StateMachineDescription> DescribeStateMachineAsync(string stateMachineArn, CancellationToken cancellationToken)
    {
        var (name, versionNumber) = MachineRef(stateMachineArn);
        var machine = await store.FindMachineAsync(name, cancellationToken) ?? throw NoMachine(stateMachineArn);
        var version = await store.FindVersionAsync(machine.Name, versionNumber ?? machine.CurrentVersion, cancellationToken) ?? throw NoMachine(stateMachineArn);
        return new StateMachineDescription(
            machine.Arn, machine.Name, machine.Status, version.Definition, machine.RoleArn, machine.Type,
            DateTimeOffset.FromUnixTimeMilliseconds(machine.CreatedAt), version.RevisionId, version.Description);
    }

    public async Task<WorkflowPage<StateMachineListItem>> ListStateMachinesAsync(string? nextToken, int? maxResults, CancellationToken cancellationToken)
    {
        var size = PageSize(maxResults);
        var after = nextToken is null ? null : Untoken(nextToken);
        var machines = await store.ListMachinesAsync(after, size + 1, cancellationToken);
        var page = machines.Take(size).Select(m => new StateMachineListItem(m.Arn, m.Name, m.Type, DateTimeOffset.FromUnixTimeMilliseconds(m.CreatedAt))).ToList();
        return new WorkflowPage<StateMachineListItem>(page, machines.Count > size ? Token(page[^1].Name) : null);
    }

    public async Task DeleteStateMachineAsync(string stateMachineArn, CancellationToken cancellationToken)
    {
        var name = MachineName(stateMachineArn);
        await database.WriteAsync(async scope =>
        {
            if (await store.FindMachineAsync(scope, name) is null)
            {
                return false; // AWS answers success for a machine that is already gone
            }

            foreach (var execution in await store.ListRunningAsync(scope, name))
            {
                await runtime.SignalAsync(scope, execution, new StopRequested("States.Runtime", "The state machine was deleted."));
            }

            await store.DeleteMachineAsync(scope, name);
            scope.OnCommitted(() => definitions.Forget(name));
            return true;
        }, cancellationToken);
    }

    public DefinitionValidationResult ValidateDefinition(string definition, string? type, int? maxResults)
    {
        var result = definitions.Parse(definition ?? string.Empty);
        var diagnostics = result.Diagnostics
            .Select(d => new DefinitionValidationDiagnostic(d.Severity == DiagnosticSeverity.Error ? "ERROR" : "WARNING", d.Code, d.Message, d.Location))
            .ToList();
        if (result.IsValid && string.Equals(type, Express, StringComparison.Ordinal) && WorkflowDefinitions.ExpressProblem(definition!) is { } problem)
        {
            diagnostics.Add(new DefinitionValidationDiagnostic("ERROR", "SCHEMA_VALIDATION_FAILED", problem, "/States"));
        }

        var limit = maxResults is > 0 ? maxResults.Value : 100;
        var failed = diagnostics.Any(d => d.Severity == "ERROR");
        return new DefinitionValidationResult(failed ? "FAIL" : "OK", diagnostics.Take(limit).ToList(), diagnostics.Count > limit);
    }

    private async Task<(StateMachineRecord Machine, StateMachineVersionRecord Version)> NewVersionIfChangedAsync(
        EcoBid.Events.Storage.IWriteScope scope, StateMachineRecord machine, string? definition, bool publish, string? description, string origin)
    {
        var current = await store.FindVersionAsync(scope, machine.Name, machine.CurrentVersion)
            ?? throw new InvalidOperationException($"State machine '{machine.Name}' has no version {machine.CurrentVersion}.");
        if (definition is null || definition == current.Definition)
        {
            return (machine, current);
        }

        var version = NewVersion(machine.Name, machine.CurrentVersion + 1, definition, publish, description, scope.Now);
        await store.InsertVersionAsync(scope, version);
        var updated = new StateMachineRecord
        {
            Name = machine.Name, Arn = machine.Arn, Type = machine.Type, RoleArn = machine.RoleArn, Status = machine.Status, CurrentVersion = version.Version,
            Origin = origin, Logging = machine.Logging, Description = machine.Description, CreatedAt = machine.CreatedAt, UpdatedAt = scope.Now.ToUnixTimeMilliseconds(),
        };
        return (updated, version);
    }

    private static StateMachineVersionRecord NewVersion(string machine, int number, string definition, bool publish, string? description, DateTimeOffset now) => new()
    {
        Machine = machine,
        Version = number,
        Definition = definition,
        DefinitionHash = WorkflowRuntime.InputHash(definition),
        RevisionId = Guid.CreateVersion7(now).ToString(),
        Published = publish,
        Description = description,
        CreatedAt = now.ToUnixTimeMilliseconds(),
    };

    private (string Name, int? Version) MachineRef(string arn) =>
        arns.TryParseStateMachine(arn, out var name, out var version) ? (name, version) : throw new WorkflowException(WorkflowErrors.InvalidArn, $"Invalid Arn: '{arn}'");

    private string MachineName(string arn) =>
        arns.TryParseStateMachine(arn, out var name, out _) ? name : throw new WorkflowException(WorkflowErrors.InvalidArn, $"Invalid Arn: '{arn}'");

    private static string CheckedType(string? type) => type switch
    {
        null or "" or Standard => Standard,
        Express => Express,
        _ => throw new WorkflowException(WorkflowErrors.ValidationException, string.Create(CultureInfo.InvariantCulture, $"Value '{type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]")),
    };

    private void CheckDefinition(string definition, string type)
    {
        var result = definitions.Parse(definition ?? string.Empty);
        if (result.InvalidDefinitionMessage is { } message)
        {
            throw new WorkflowException(WorkflowErrors.InvalidDefinition, message);
        }

        if (type == Express && WorkflowDefinitions.ExpressProblem(definition!) is { } problem)
        {
            throw new WorkflowException(WorkflowErrors.InvalidDefinition, $"Invalid State Machine Definition: '{problem}'");
        }
    }
}
