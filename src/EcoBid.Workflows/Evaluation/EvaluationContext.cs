using System.Text.Json.Nodes;
using EcoBid.Jsonata;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Evaluation;

/// <summary>What paths, intrinsic functions and templates see while a state runs.</summary>
internal sealed class EvaluationContext
{
    private JsonNode? _contextObject;
    private bool _contextBuilt;
    private readonly Func<JsonNode?>? _contextFactory;

    public EvaluationContext(JsonNode? input, Func<JsonNode?>? contextFactory, IVariableSource variables, Random random, string stateName, long enteredEventId)
    {
        Input = input;
        _contextFactory = contextFactory;
        Variables = variables;
        Random = random;
        StateName = stateName;
        EnteredEventId = enteredEventId;
    }

    /// <summary><c>$</c>.</summary>
    public JsonNode? Input { get; }

    public IVariableSource Variables { get; }

    public Random Random { get; }

    public string StateName { get; }

    public long EnteredEventId { get; }

    /// <summary>Set when an intrinsic or template referred to <c>$$.Task.Token</c>.</summary>
    public bool UsedTaskToken { get; set; }

    /// <summary><c>$$</c>, built on first use.</summary>
    public JsonNode? ContextObject
    {
        get
        {
            if (!_contextBuilt)
            {
                _contextObject = _contextFactory?.Invoke();
                _contextBuilt = true;
            }
            return _contextObject;
        }
    }

    /// <summary>The JSONata engine, for states in JSONata.</summary>
    public JsonataEngine? Jsonata { get; init; }

    /// <summary><c>$states.result</c>, once there is one.</summary>
    public JsonataResult StatesResult { get; private set; }

    /// <summary><c>$states.errorOutput</c>, in a Catcher.</summary>
    public JsonataResult StatesErrorOutput { get; private set; }

    private Dictionary<string, JsonNode?>? _bindings;

    public EvaluationContext WithInput(JsonNode? input) => new(input, () => ContextObject, Variables, Random, StateName, EnteredEventId) { Jsonata = Jsonata };

    public void SetResult(JsonNode? result)
    {
        StatesResult = JsonataResult.Of(result);
        _bindings = null;
    }

    public void SetErrorOutput(JsonNode? errorOutput)
    {
        StatesErrorOutput = JsonataResult.Of(errorOutput);
        _bindings = null;
    }

    /// <summary>Evaluates a JSONata expression with <c>$states</c> and the variables bound.</summary>
    public JsonataResult EvaluateJsonata(string expression, string field)
    {
        var engine = Jsonata ?? throw new StatesErrorException(StatesErrors.QueryEvaluationError, RuntimePrefix + "No JSONata engine is configured.");
        _bindings ??= BuildBindings();
        try
        {
            return engine.Evaluate(expression, Input, _bindings);
        }
        catch (JsonataException e)
        {
            throw new StatesErrorException(StatesErrors.QueryEvaluationError,
                RuntimePrefix + $"The JSONata expression '{expression}' specified for the field '{field}' returned an error: {e.Code}: {e.Message}");
        }
    }

    public StatesErrorException QueryError(string message) => new(StatesErrors.QueryEvaluationError, RuntimePrefix + message);

    private Dictionary<string, JsonNode?> BuildBindings()
    {
        var bindings = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in Variables.All()) bindings[name] = value;
        var states = new JsonObject
        {
            ["input"] = JsonNodes.Copy(Input),
            ["context"] = JsonNodes.Copy(ContextObject),
        };
        if (StatesResult.IsDefined) states["result"] = JsonNodes.Copy(StatesResult.Value);
        if (StatesErrorOutput.IsDefined) states["errorOutput"] = JsonNodes.Copy(StatesErrorOutput.Value);
        bindings["states"] = states;
        return bindings;
    }

    /// <summary>The prefix AWS puts before a <c>States.Runtime</c> cause.</summary>
    public string RuntimePrefix => $"An error occurred while executing the state '{StateName}' (entered at the event id #{EnteredEventId}). ";

    public StatesErrorException Runtime(string message) => new(StatesErrors.Runtime, RuntimePrefix + message);

    /// <summary>Resolves a path against <c>$</c>, <c>$$</c> or a variable, as its root says.</summary>
    public bool TryResolve(JsonPath path, out JsonNode? value)
    {
        switch (path.Root)
        {
            case PathRoot.Context:
                if (path.Segments.Count > 0 && path.Segments[0] is PropertySegment { Name: "Task" }) UsedTaskToken = true;
                return path.TryEvaluate(ContextObject, ContextObject, out value);
            case PathRoot.Variable:
                if (!Variables.TryGet(path.VariableName!, out var variable))
                {
                    value = null;
                    return false;
                }
                return path.TryEvaluate(variable, variable, out value);
            default:
                return path.TryEvaluate(Input, Input, out value);
        }
    }

    /// <summary>The document a path of this root reads, for error messages.</summary>
    public JsonNode? DocumentFor(JsonPath path) => path.Root switch
    {
        PathRoot.Context => ContextObject,
        PathRoot.Variable => Variables.TryGet(path.VariableName!, out var v) ? v : null,
        _ => Input,
    };
}
