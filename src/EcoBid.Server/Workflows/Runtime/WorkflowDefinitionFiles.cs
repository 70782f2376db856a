using System.Text.Json;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Workflows.Runtime;

/// <summary>
/// Loads the state machines kept as data (<c>rules/workflows/*.asl.json</c>, with an optional <c>Name.json</c> beside
/// each holding <c>{"type": "EXPRESS"}</c>) at start, after the schema and before the workers. Each must validate: a bad
/// one stops the server with a message naming the file and every problem's location (state and field). A changed file
/// becomes a new version; running executions keep theirs.
/// </summary>
public sealed partial class WorkflowDefinitionFiles(
    WorkflowService workflows,
    WorkflowDefinitions definitions,
    IOptions<WorkflowOptions> options,
    ILogger<WorkflowDefinitionFiles> logger) : IHostedService
{
    public const string Extension = ".asl.json";

    public string Folder => options.Value.DefinitionsPath is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(AppContext.BaseDirectory, "rules", "workflows");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(Folder, "*" + Extension).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file)[..^Extension.Length];
            var (definition, type) = await ReadAsync(file, name, cancellationToken);
            var version = await workflows.DeployAsync(name, definition, type, "file", cancellationToken);
            LogLoaded(logger, name, type, version, file);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<(string Definition, string Type)> ReadAsync(string file, string name, CancellationToken cancellationToken)
    {
        if (!WorkflowNames.IsValid(name))
        {
            throw new InvalidOperationException($"{file}: '{name}' is not a valid state machine name (1–80 characters, no spaces or :/\\*?<>{{}}[]\"#%^|~`$&,;).");
        }

        var definition = await File.ReadAllTextAsync(file, cancellationToken);
        var result = definitions.Parse(definition);
        if (!result.IsValid)
        {
            var problems = string.Join("; ", result.Errors.Select(e => $"{(e.Location.Length == 0 ? "/" : e.Location)}: {e.Code}: {e.Message}"));
            throw new InvalidOperationException($"The workflow definition {file} is invalid: {problems}");
        }

        var type = WorkflowService.Standard;
        var metadata = Path.Combine(Path.GetDirectoryName(file)!, name + ".json");
        if (File.Exists(metadata))
        {
            try
            {
                using var document = JsonDocument.Parse(await File.ReadAllTextAsync(metadata, cancellationToken));
                if (document.RootElement.TryGetProperty("type", out var value))
                {
                    type = value.GetString() switch
                    {
                        WorkflowService.Standard => WorkflowService.Standard,
                        WorkflowService.Express => WorkflowService.Express,
                        var other => throw new InvalidOperationException($"{metadata}: 'type' must be STANDARD or EXPRESS, not '{other}'."),
                    };
                }
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"{metadata}: not valid JSON: {ex.Message}", ex);
            }
        }

        if (type == WorkflowService.Express && WorkflowDefinitions.ExpressProblem(definition) is { } problem)
        {
            throw new InvalidOperationException($"The workflow definition {file} is invalid: {problem}");
        }

        return (definition, type);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "State machine {Name} ({Type}) at version {Version} from {File}")]
    private static partial void LogLoaded(ILogger logger, string name, string type, int version, string file);
}
