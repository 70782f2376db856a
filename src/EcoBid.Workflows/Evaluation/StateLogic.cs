using System.Text.Json.Nodes;
using EcoBid.Workflows.Definition;
using EcoBid.Workflows.Definition.Choice;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Evaluation;

/// <summary>
/// The data flow of each state type, free of scheduling: what a state does with its input, result or error. The
/// interpreter and the TestState implementation both use it, so they agree.
/// </summary>
internal static class StateLogic
{
    /// <summary>The steps of a state's input and output processing, for TestState's inspection data.</summary>
    internal sealed class Trace
    {
        public JsonNode? AfterInputPath { get; set; }
        public JsonNode? AfterParameters { get; set; }
        public JsonNode? AfterArguments { get; set; }
        public JsonNode? Result { get; set; }
        public JsonNode? AfterResultSelector { get; set; }
        public JsonNode? AfterResultPath { get; set; }
        public bool HasAfterInputPath { get; set; }
        public bool HasAfterParameters { get; set; }
        public bool HasAfterArguments { get; set; }
        public bool HasResult { get; set; }
        public bool HasAfterResultSelector { get; set; }
        public bool HasAfterResultPath { get; set; }
    }

    internal sealed record Exit(JsonNode? Output, IReadOnlyDictionary<string, JsonNode?>? Assigned, string? Next);

    /// <summary>Input processing of Task, Parallel and Map: InputPath then Parameters (JSONPath) or Arguments (JSONata).</summary>
    public static JsonNode? EffectiveInput(State state, JsonNode? input, EvaluationContext context, Trace? trace = null)
    {
        if (state.QueryLanguage == QueryLanguage.Jsonata)
        {
            var arguments = state is ErrorHandlingState { Arguments: { } a } ? a.Evaluate(context) : input;
            if (trace is not null && state is ErrorHandlingState { Arguments: not null })
            {
                trace.AfterArguments = arguments;
                trace.HasAfterArguments = true;
            }
            return arguments;
        }
        var afterInputPath = StateIo.InputPath(state.InputPath, input, context);
        if (trace is not null)
        {
            trace.AfterInputPath = afterInputPath;
            trace.HasAfterInputPath = true;
        }
        return afterInputPath;
    }

    /// <summary>Parameters applied to the effective input (JSONPath Task and Parallel; Map applies ItemSelector per item instead).</summary>
    public static JsonNode? Parameters(State state, JsonNode? afterInputPath, EvaluationContext context, Trace? trace = null)
    {
        if (state.QueryLanguage == QueryLanguage.Jsonata || state is MapState) return afterInputPath;
        var template = state switch
        {
            ErrorHandlingState h => h.Parameters,
            PassState p => p.Parameters,
            _ => null,
        };
        var value = template is null ? afterInputPath : template.Evaluate(context.WithInput(afterInputPath));
        if (trace is not null)
        {
            trace.AfterParameters = value;
            trace.HasAfterParameters = true;
        }
        return value;
    }

    /// <summary>What a Task, Map or Parallel state does with its result.</summary>
    public static Exit Complete(ErrorHandlingState state, JsonNode? input, JsonNode? result, EvaluationContext context, int? maxBytes, Trace? trace = null)
    {
        if (trace is not null)
        {
            trace.Result = result;
            trace.HasResult = true;
        }
        if (state.QueryLanguage == QueryLanguage.Jsonata)
        {
            context.SetResult(result);
            var assigned = StateIo.Assign(state.Assign, context, maxBytes);
            var output = state.Output is null ? result : state.Output.Evaluate(context);
            StateIo.CheckSize(output, maxBytes, context);
            return new Exit(output, assigned, state.Next);
        }
        var selected = state.ResultSelector is null ? result : state.ResultSelector.Evaluate(context.WithInput(result));
        if (trace is not null && state.ResultSelector is not null)
        {
            trace.AfterResultSelector = selected;
            trace.HasAfterResultSelector = true;
        }
        var assignedPath = StateIo.Assign(state.Assign, context.WithInput(selected), maxBytes);
        var afterResultPath = StateIo.ResultPath(state.ResultPath, input, selected, context);
        if (trace is not null)
        {
            trace.AfterResultPath = afterResultPath;
            trace.HasAfterResultPath = true;
        }
        var outputPath = StateIo.OutputPath(state.OutputPath, afterResultPath, context);
        StateIo.CheckSize(outputPath, maxBytes, context);
        return new Exit(outputPath, assignedPath, state.Next);
    }

    public static Exit Pass(PassState state, JsonNode? input, EvaluationContext context, int? maxBytes, Trace? trace = null)
    {
        if (state.QueryLanguage == QueryLanguage.Jsonata)
        {
            var assigned = StateIo.Assign(state.Assign, context, maxBytes);
            var output = state.Output is null ? input : state.Output.Evaluate(context);
            StateIo.CheckSize(output, maxBytes, context);
            return new Exit(output, assigned, state.Next);
        }
        var effective = EffectiveInput(state, input, context, trace);
        var afterParameters = Parameters(state, effective, context, trace);
        var result = state.HasResult ? state.Result?.DeepClone() : afterParameters;
        if (trace is not null)
        {
            trace.Result = result;
            trace.HasResult = true;
        }
        var assignedPath = StateIo.Assign(state.Assign, context.WithInput(result), maxBytes);
        var afterResultPath = StateIo.ResultPath(state.ResultPath, input, result, context);
        if (trace is not null)
        {
            trace.AfterResultPath = afterResultPath;
            trace.HasAfterResultPath = true;
        }
        var outputPath = StateIo.OutputPath(state.OutputPath, afterResultPath, context);
        StateIo.CheckSize(outputPath, maxBytes, context);
        return new Exit(outputPath, assignedPath, state.Next);
    }

    public static Exit Choice(ChoiceState state, JsonNode? input, EvaluationContext context, int? maxBytes, Trace? trace = null)
    {
        if (state.QueryLanguage == QueryLanguage.Jsonata)
        {
            foreach (var branch in state.Choices)
            {
                if (!branch.Rule.Evaluate(context)) continue;
                var assigned = StateIo.Assign(branch.Assign ?? state.Assign, context, maxBytes);
                var output = (branch.Output ?? state.Output) is { } o ? o.Evaluate(context) : input;
                return new Exit(output, assigned, branch.Next);
            }
            if (state.Default is null) throw NoChoice(state);
            var defaultAssigned = StateIo.Assign(state.Assign, context, maxBytes);
            return new Exit(state.Output is null ? input : state.Output.Evaluate(context), defaultAssigned, state.Default);
        }
        var effective = StateIo.InputPath(state.InputPath, input, context);
        if (trace is not null)
        {
            trace.AfterInputPath = effective;
            trace.HasAfterInputPath = true;
        }
        var inner = context.WithInput(effective);
        foreach (var branch in state.Choices)
        {
            if (!branch.Rule.Evaluate(inner)) continue;
            var assigned = StateIo.Assign(branch.Assign ?? state.Assign, inner, maxBytes);
            return new Exit(StateIo.OutputPath(state.OutputPath, effective, context), assigned, branch.Next);
        }
        if (state.Default is null) throw NoChoice(state);
        var assignedDefault = StateIo.Assign(state.Assign, inner, maxBytes);
        return new Exit(StateIo.OutputPath(state.OutputPath, effective, context), assignedDefault, state.Default);
    }

    private static StatesErrorException NoChoice(ChoiceState state) =>
        new(StatesErrors.NoChoiceMatched, $"No Matches! (the Choice state '{state.Name}' matched no rule and has no Default)");

    /// <summary>When a Wait state ends.</summary>
    public static DateTimeOffset WaitUntil(WaitState state, JsonNode? input, EvaluationContext context, DateTimeOffset now)
    {
        if (state.Seconds is { } seconds) return now.AddSeconds(seconds);
        if (state.Timestamp is { } timestamp) return timestamp;
        var effective = state.QueryLanguage == QueryLanguage.JsonPath ? StateIo.InputPath(state.InputPath, input, context) : input;
        var inner = context.WithInput(effective);
        if (state.SecondsPath is { } secondsPath || state.SecondsExpression is not null)
        {
            JsonNode? value;
            string field;
            if (state.SecondsExpression is { } expression)
            {
                value = expression.Evaluate(inner);
                field = "Seconds";
            }
            else
            {
                field = "SecondsPath";
                if (!inner.TryResolve(state.SecondsPath!, out value)) throw context.Runtime($"The SecondsPath parameter does not reference an input value: {state.SecondsPath!.Text}");
            }
            if (!JsonNodes.TryGetInteger(value, out var s) || s < 0 || s > 99999999)
            {
                if (state.QueryLanguage == QueryLanguage.Jsonata) throw context.QueryError($"The {field} field must be a non-negative integer between 0 and 99999999, but was {JsonNodes.Serialize(value)}.");
                var assignment = $"{state.SecondsPath!.Text} == {Assigned(value)}";
                throw context.Runtime(JsonNodes.TryGetInteger(value, out var negative) && negative < 0
                    ? $"The SecondsPath parameter references a negative value: {assignment}"
                    : $"The SecondsPath parameter cannot be parsed as a long value: {assignment}");
            }
            return now.AddSeconds(s);
        }
        {
            JsonNode? value;
            if (state.TimestampExpression is { } expression)
            {
                value = expression.Evaluate(inner);
            }
            else if (!inner.TryResolve(state.TimestampPath!, out value))
            {
                throw context.Runtime($"Invalid path '{state.TimestampPath!.Text}' : No results for path: {state.TimestampPath.Normalized}");
            }
            if (!Rfc3339.TryParse(JsonNodes.AsString(value), out var due))
            {
                throw state.QueryLanguage == QueryLanguage.Jsonata
                    ? context.QueryError($"The Timestamp field must be an RFC3339 timestamp, but was {JsonNodes.Serialize(value)}.")
                    : context.Runtime($"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {state.TimestampPath!.Text} == {Assigned(value)}");
            }
            return due;
        }
    }

    /// <summary>A value as AWS's Wait messages print it after <c>path ==</c>: a string without quotes, anything else as JSON.</summary>
    private static string Assigned(JsonNode? value) => JsonNodes.AsString(value) ?? JsonNodes.Serialize(value);

    /// <summary>A Wait (or Succeed) state's output and assignments (after its time is up).</summary>
    public static Exit PassThrough(State state, JsonNode? input, EvaluationContext context, int? maxBytes, Trace? trace = null)
    {
        if (state.QueryLanguage == QueryLanguage.Jsonata)
        {
            var assigned = StateIo.Assign(state.Assign, context, maxBytes);
            return new Exit(state.Output is null ? input : state.Output.Evaluate(context), assigned, state.Next);
        }
        var effective = StateIo.InputPath(state.InputPath, input, context);
        if (trace is not null)
        {
            trace.AfterInputPath = effective;
            trace.HasAfterInputPath = true;
        }
        var assignedPath = StateIo.Assign(state.Assign, context.WithInput(effective), maxBytes);
        return new Exit(StateIo.OutputPath(state.OutputPath, effective, context), assignedPath, state.Next);
    }

    /// <summary>A Fail state's error and cause.</summary>
    public static (string? Error, string? Cause) Fail(FailState state, JsonNode? input, EvaluationContext context)
    {
        var error = state.Error;
        var cause = state.Cause;
        if (state.ErrorTemplate is { } e) error = Text(e.Evaluate(context), "Error", state, context);
        if (state.CauseTemplate is { } c) cause = Text(c.Evaluate(context), "Cause", state, context);
        return (error, cause);
    }

    private static string Text(JsonNode? value, string field, FailState state, EvaluationContext context)
    {
        if (JsonNodes.AsString(value) is { } text) return text;
        throw state.QueryLanguage == QueryLanguage.Jsonata
            ? context.QueryError($"The {field} field must evaluate to a string, but was {JsonNodes.Serialize(value)}.")
            : context.Runtime($"The {field}Path field references a value that is not a string: {JsonNodes.Serialize(value)}");
    }

    internal abstract record ErrorDecision;

    internal sealed record RetryDecision(int RetrierIndex, double DelaySeconds) : ErrorDecision;

    internal sealed record CatchDecision(int CatcherIndex, Exit Exit) : ErrorDecision;

    internal sealed record FailDecision : ErrorDecision;

    /// <summary>Retry, Catch or fail, as the state's Retry and Catch fields say for this error.</summary>
    public static ErrorDecision OnError(State state, JsonNode? input, string error, string? cause, IDictionary<int, int> retryCounts,
        EvaluationContext context, Random random, int? maxBytes)
    {
        if (state is not ErrorHandlingState handler) return new FailDecision();
        for (var i = 0; i < handler.Retry.Count; i++)
        {
            var retrier = handler.Retry[i];
            if (!retrier.Matches(error)) continue;
            retryCounts.TryGetValue(i, out var made);
            if (made < retrier.MaxAttempts)
            {
                var delay = retrier.DelaySeconds(made);
                if (retrier.FullJitter) delay *= random.NextDouble();
                return new RetryDecision(i, delay);
            }
            break;
        }
        for (var i = 0; i < handler.Catch.Count; i++)
        {
            var catcher = handler.Catch[i];
            if (!catcher.Matches(error)) continue;
            var errorOutput = new JsonObject { ["Error"] = error, ["Cause"] = cause };
            if (state.QueryLanguage == QueryLanguage.Jsonata)
            {
                context.SetErrorOutput(errorOutput);
                var assigned = StateIo.Assign(catcher.Assign, context, maxBytes);
                var output = catcher.Output is null ? errorOutput : catcher.Output.Evaluate(context);
                return new CatchDecision(i, new Exit(output, assigned, catcher.Next));
            }
            var inner = context.WithInput(errorOutput);
            var assignedPath = StateIo.Assign(catcher.Assign, inner, maxBytes);
            var resultPath = StateIo.ResultPath(catcher.ResultPath, input, errorOutput, context);
            return new CatchDecision(i, new Exit(resultPath, assignedPath, catcher.Next));
        }
        return new FailDecision();
    }

    /// <summary>A Map setting's value (number, path or expression), checked against its bounds.</summary>
    public static double? MapNumber(MapNumber? setting, EvaluationContext context, double min, double max)
    {
        if (setting is null) return null;
        if (setting.Value is { } v) return v;
        JsonNode? value;
        if (setting.Path is { } path)
        {
            if (!context.TryResolve(path, out value)) throw context.Runtime($"Invalid path '{path.Text}' : No results for path: {path.Normalized}");
        }
        else
        {
            value = setting.Expression!.Evaluate(context);
        }
        if (!JsonNodes.TryGetNumber(value, out var number) || number < min || number > max)
        {
            var message = $"The value of the field '{setting.Field}' must be a number between {min} and {max}, but was {JsonNodes.Serialize(value)}.";
            throw setting.Expression is not null ? context.QueryError(message) : context.Runtime(message);
        }
        return number;
    }
}
