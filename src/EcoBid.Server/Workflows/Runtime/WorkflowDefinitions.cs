using System.Collections.Concurrent;
using EcoBid.Jsonata;
using EcoBid.Server.Workflows.Tasks;
using EcoBid.Workflows.Definition;

namespace EcoBid.Server.Workflows.Runtime;

/// <summary>
/// Parses definitions with EcoBid's checks (task resources it can run, JSONata syntax) and keeps each stored
/// version's parsed tree: a version never changes, so it is parsed once per process.
/// </summary>
public sealed class WorkflowDefinitions(WorkflowTaskRegistry tasks, JsonataEngine jsonata)
{
    private readonly ConcurrentDictionary<(string Machine, int Version), StateMachineDefinition> _parsed = new();

    public JsonataEngine Jsonata => jsonata;

    public DefinitionResult Parse(string json) =>
        StateMachineDefinition.Parse(json, new DefinitionOptions { ResourceValidator = tasks.Validator, Jsonata = jsonata });

    /// <summary>The parsed tree of a stored version (valid when it was stored).</summary>
    public StateMachineDefinition Get(string machine, int version, string json) =>
        _parsed.GetOrAdd((machine, version), _ => Parse(json).Definition
            ?? throw new InvalidOperationException($"Version {version} of state machine '{machine}' no longer parses: {Parse(json).InvalidDefinitionMessage}"));

    /// <summary>Drops a deleted machine's parsed versions: a machine made again with the name starts at version 1.</summary>
    public void Forget(string machine)
    {
        foreach (var key in _parsed.Keys.Where(k => k.Machine == machine))
        {
            _parsed.TryRemove(key, out _);
        }
    }

    /// <summary>EXPRESS machines cannot wait for a callback or a child execution (as on AWS).</summary>
    public static string? ExpressProblem(string json) =>
        System.Text.RegularExpressions.Regex.IsMatch(json, @"""Resource""\s*:\s*""[^""]*\.(sync(:2)?|waitForTaskToken)""", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
            ? "Express state machines do not support the .sync or .waitForTaskToken integration patterns."
            : null;
}
