using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcoBid.Workflows.Definition;

/// <summary>Builds a <see cref="StateMachineDefinition"/> from JSON, collecting every problem as a diagnostic.</summary>
internal sealed partial class DefinitionParser(DefinitionOptions options)
{
    private const int MaxStateNameLength = 80;

    private readonly List<DefinitionDiagnostic> _diagnostics = [];
    private readonly Dictionary<string, StateMachineBranch> _branches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _stateNames = new(StringComparer.Ordinal);
    private QueryLanguage _machineLanguage;

    [GeneratedRegex(@"^arn:[^:\s]+:[^:\s]+:[^:\s]*:[^:\s]*:\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex ArnShape();

    public DefinitionResult Parse(string json)
    {
        JsonObject root;
        try
        {
            var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 512 });
            if (node is not JsonObject obj)
            {
                Add(DiagnosticCodes.InvalidJson, "The definition must be a JSON object", "");
                return Result(null);
            }
            // Touching every object surfaces duplicate keys, which JsonObject reports lazily.
            _ = obj.DeepClone();
            root = obj;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            Add(DiagnosticCodes.InvalidJson, "Invalid JSON: " + e.Message, "");
            return Result(null);
        }

        var reader = new FieldReader(root, "", _diagnostics);
        _machineLanguage = ReadLanguage(reader, null);
        var comment = reader.String("Comment");
        var version = reader.String("Version");
        var timeout = reader.Integer("TimeoutSeconds", 1, 99999999);
        var branch = ParseBranch(reader, "", _machineLanguage, 0);
        reader.RejectUnread();
        if (branch is not null) CheckVariableScopes(branch, []);
        if (_diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || branch is null) return Result(null);
        return Result(new StateMachineDefinition(branch, _branches)
        {
            Comment = comment,
            Version = version,
            TimeoutSeconds = timeout,
            QueryLanguage = _machineLanguage,
        });
    }

    private DefinitionResult Result(StateMachineDefinition? definition) => new(definition, _diagnostics);

    private void Add(string code, string message, string location) =>
        _diagnostics.Add(new DefinitionDiagnostic(DiagnosticSeverity.Error, code, message, location));

    private QueryLanguage ReadLanguage(FieldReader reader, QueryLanguage? inherited)
    {
        var text = reader.String("QueryLanguage");
        switch (text)
        {
            case null:
                return inherited ?? QueryLanguage.JsonPath;
            case "JSONPath":
                if (inherited == QueryLanguage.Jsonata && _machineLanguage == QueryLanguage.Jsonata)
                {
                    reader.Error("QueryLanguage", "A state cannot use the QueryLanguage JSONPath when the state machine's QueryLanguage is JSONata");
                }
                return QueryLanguage.JsonPath;
            case "JSONata":
                return QueryLanguage.Jsonata;
            default:
                reader.Error("QueryLanguage", "The value for the field 'QueryLanguage' must be one of [JSONPath, JSONata]");
                return inherited ?? QueryLanguage.JsonPath;
        }
    }

    /// <summary>Reads <c>StartAt</c> and <c>States</c> of the machine, a Parallel branch or a Map processor.</summary>
    private StateMachineBranch? ParseBranch(FieldReader reader, string location, QueryLanguage language, int depth)
    {
        var startAt = reader.String("StartAt", required: true);
        var statesObject = reader.ObjectField("States", required: true);
        if (statesObject is null) return null;
        if (statesObject.Count == 0) reader.Error("States", "The field 'States' must contain at least one state");

        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var (name, node) in statesObject)
        {
            var at = location + "/States/" + name;
            if (name.Length is 0 or > MaxStateNameLength) Add(DiagnosticCodes.SchemaValidationFailed, $"The state name '{name}' must be between 1 and {MaxStateNameLength} characters long", at);
            if (!_stateNames.TryAdd(name, at)) Add(DiagnosticCodes.DuplicateStateName, $"Duplicate State name: {name}", at);
            if (node is not JsonObject stateObject)
            {
                Add(DiagnosticCodes.SchemaValidationFailed, $"The value for the state '{name}' must be an OBJECT", at);
                continue;
            }
            var state = ParseState(name, stateObject, at, language, depth);
            if (state is not null) states[name] = state;
        }

        var branch = new StateMachineBranch
        {
            StartAt = startAt ?? "",
            States = states,
            Location = location,
            QueryLanguage = language,
            Depth = depth,
        };
        foreach (var state in states.Values) state.Branch = branch;
        _branches[location] = branch;
        if (options.SingleState && depth == 0) return branch;
        if (startAt is not null && !statesObject.ContainsKey(startAt))
        {
            Add(DiagnosticCodes.MissingTransitionTarget, $"Missing 'StartAt' target: {startAt}", location + "/StartAt");
        }
        CheckTransitions(branch, statesObject);
        return branch;
    }

    private void CheckTransitions(StateMachineBranch branch, JsonObject statesObject)
    {
        void Target(string? next, string at)
        {
            if (next is not null && !statesObject.ContainsKey(next)) Add(DiagnosticCodes.MissingTransitionTarget, $"Missing 'Next' target: {next}", at);
        }

        foreach (var state in branch.States.Values)
        {
            Target(state.Next, state.Location + "/Next");
            if (state is ChoiceState choice)
            {
                for (var i = 0; i < choice.Choices.Count; i++) Target(choice.Choices[i].Next, $"{state.Location}/Choices/{i}/Next");
                Target(choice.Default, state.Location + "/Default");
            }
            if (state is ErrorHandlingState handler)
            {
                for (var i = 0; i < handler.Catch.Count; i++) Target(handler.Catch[i].Next, $"{state.Location}/Catch/{i}/Next");
            }
        }

        if (!branch.States.ContainsKey(branch.StartAt)) return;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(branch.StartAt);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!reached.Add(name) || !branch.States.TryGetValue(name, out var state)) continue;
            foreach (var next in Successors(state)) pending.Push(next);
        }
        foreach (var (name, node) in statesObject)
        {
            if (!reached.Contains(name) && node is JsonObject) Add(DiagnosticCodes.UnreachableState, $"State \"{name}\" is not reachable.", branch.Location + "/States/" + name);
        }
    }

    private static IEnumerable<string> Successors(State state)
    {
        if (state.Next is not null) yield return state.Next;
        if (state is ChoiceState choice)
        {
            foreach (var c in choice.Choices) yield return c.Next;
            if (choice.Default is not null) yield return choice.Default;
        }
        if (state is ErrorHandlingState handler)
        {
            foreach (var c in handler.Catch) yield return c.Next;
        }
    }
}
