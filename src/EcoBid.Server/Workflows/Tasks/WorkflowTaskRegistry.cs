using System.Collections.Frozen;
using EcoBid.Workflows.Definition;

namespace EcoBid.Server.Workflows.Tasks;

/// <summary>The task handlers registered in this process, by name, and the check definitions' resources get.</summary>
public sealed class WorkflowTaskRegistry
{
    private readonly FrozenDictionary<string, IWorkflowTask> _tasks;

    public WorkflowTaskRegistry(IEnumerable<IWorkflowTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        _tasks = tasks.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        Validator = Validate;
    }

    public IReadOnlyCollection<string> Names => _tasks.Keys;

    /// <summary>For <see cref="DefinitionOptions.ResourceValidator"/>: a resource EcoBid cannot run is a validation error.</summary>
    public TaskResourceValidator Validator { get; }

    public IWorkflowTask? Find(string name) => _tasks.GetValueOrDefault(name);

    private string? Validate(string resource)
    {
        var parsed = TaskResource.Parse(resource, out var problem);
        if (parsed is null)
        {
            return problem;
        }

        return parsed.FunctionName is { } name && !_tasks.ContainsKey(name)
            ? $"No task handler named '{name}' in this server (known: {string.Join(", ", _tasks.Keys.Order(StringComparer.Ordinal))})."
            : null;
    }
}
