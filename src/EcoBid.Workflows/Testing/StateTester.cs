using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Workflows.Definition;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Testing;

/// <summary>
/// AWS's TestState: runs one state once against an input, with mocked or real task results, and reports the
/// output, the next state, and (at DEBUG/TRACE) every processing step. Retry and Catch are decided, not waited
/// for: a retriable error gives <see cref="TestStateStatus.Retriable"/> with the back-off; a caught one
/// <see cref="TestStateStatus.CaughtError"/> with the catcher's output and next state.
/// </summary>
public static class StateTester
{
    private const string SingleStateName = "TestState";

    /// <summary>Tests a state; throws <see cref="InvalidDefinitionException"/> when the definition does not validate.</summary>
    public static async Task<TestStateResult> TestAsync(TestStateRequest request, StateTesterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= new StateTesterOptions();
        var state = FindState(request, options);
        var input = ParseJson(request.Input, "input") ?? new JsonObject();
        var variables = ParseJson(request.Variables, "variables") as JsonObject ?? [];
        var now = options.Clock();
        var contextObject = request.Context is null ? StateTesterOptions.DefaultContext(state.Name, input, now, request.RoleArn) : ParseJson(request.Context, "context");
        var retryCount = request.StateConfiguration?.RetrierRetryCount ?? 0;
        if (contextObject is JsonObject ctx && ctx["State"] is JsonObject stateContext && request.Context is null) stateContext["RetryCount"] = retryCount;
        var context = new EvaluationContext(input, () => contextObject, new ObjectVariables(variables), options.Random, state.Name, 0) { Jsonata = options.Jsonata };
        var trace = new StateLogic.Trace();
        var run = new Run(request, options, state, input, variables, context, trace);
        try
        {
            return await run.ExecuteAsync(cancellationToken);
        }
        catch (StatesErrorException e)
        {
            return run.Result(TestStateStatus.Failed, null, null, e.Error, e.Cause, null, null);
        }
    }

    /// <summary>Synchronous form of <see cref="TestAsync"/> for requests whose tasks are mocked or run synchronously.</summary>
    public static TestStateResult Test(TestStateRequest request, StateTesterOptions? options = null) =>
        TestAsync(request, options).GetAwaiter().GetResult();

    private static JsonNode? ParseJson(string? text, string field)
    {
        if (text is null) return null;
        try
        {
            return JsonNodes.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDefinitionException($"Invalid JSON in '{field}': {e.Message}", []);
        }
    }

    private static State FindState(TestStateRequest request, StateTesterOptions options)
    {
        var definitionOptions = new DefinitionOptions { Jsonata = options.Jsonata, ResourceValidator = options.ResourceValidator };
        JsonNode? node;
        try
        {
            node = JsonNodes.Parse(request.Definition);
        }
        catch (JsonException e)
        {
            throw new InvalidDefinitionException($"Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: {e.Message}'", []);
        }
        DefinitionResult result;
        if (node is JsonObject obj && obj.ContainsKey("States"))
        {
            result = StateMachineDefinition.Parse(request.Definition, definitionOptions);
            Check(result);
            var name = request.StateName ?? result.Definition!.StartAt;
            foreach (var branch in result.Definition!.Branches.Values)
            {
                if (branch.States.TryGetValue(name, out var found)) return found;
            }
            throw new InvalidDefinitionException($"The state '{name}' is not in the state machine definition", []);
        }
        var machine = new JsonObject { ["StartAt"] = SingleStateName, ["States"] = new JsonObject { [SingleStateName] = node?.DeepClone() } };
        result = new DefinitionParser(new DefinitionOptions { Jsonata = options.Jsonata, ResourceValidator = options.ResourceValidator, SingleState = true }).Parse(machine.ToJsonString());
        Check(result);
        return result.Definition!.States[SingleStateName];
    }

    private static void Check(DefinitionResult result)
    {
        if (!result.IsValid) throw new InvalidDefinitionException(result.InvalidDefinitionMessage!, result.Diagnostics);
    }

    private sealed class Run(TestStateRequest request, StateTesterOptions options, State state, JsonNode? input, JsonObject variables, EvaluationContext context, StateLogic.Trace trace)
    {
        private JsonNode? _afterItemsPath;
        private JsonNode? _afterItemSelector;
        private bool _hasItems;
        private int? _maxConcurrency;
        private double? _toleratedCount;
        private double? _toleratedPercentage;

        public async Task<TestStateResult> ExecuteAsync(CancellationToken cancellationToken)
        {
            var max = options.MaxPayloadBytes;
            switch (state)
            {
                case PassState pass:
                    return Exit(StateLogic.Pass(pass, input, context, max, trace));
                case ChoiceState choice:
                    return Exit(StateLogic.Choice(choice, input, context, max, trace));
                case WaitState wait:
                    StateLogic.WaitUntil(wait, input, context, options.Clock());
                    return Exit(StateLogic.PassThrough(wait, input, context, max, trace));
                case SucceedState:
                    return Exit(StateLogic.PassThrough(state, input, context, max, trace));
                case FailState fail:
                    var (error, cause) = StateLogic.Fail(fail, input, context);
                    return Result(TestStateStatus.Failed, null, null, error, cause, null, null);
            }

            var handler = (ErrorHandlingState)state;
            TaskOutcome outcome;
            try
            {
                var effective = StateLogic.EffectiveInput(handler, input, context, trace);
                var arguments = StateLogic.Parameters(handler, effective, context, trace);
                if (handler is MapState map) InspectMap(map, effective);
                outcome = await Outcome(handler, arguments, cancellationToken);
            }
            catch (StatesErrorException e)
            {
                outcome = TaskOutcome.Failure(e.Error, e.Cause);
            }
            if (!outcome.Failed)
            {
                try
                {
                    StateIo.CheckSize(outcome.Output, max, context);
                    return Exit(StateLogic.Complete(handler, input, outcome.Output, context, max, trace));
                }
                catch (StatesErrorException e)
                {
                    outcome = TaskOutcome.Failure(e.Error, e.Cause);
                }
            }
            return OnError(handler, outcome.Error!, outcome.Cause);
        }

        private void InspectMap(MapState map, JsonNode? effective)
        {
            var inner = context.WithInput(effective);
            JsonNode? items = effective;
            if (map.QueryLanguage == QueryLanguage.Jsonata)
            {
                items = map.Items is null ? input : map.Items.Evaluate(context);
            }
            else if (map.ItemsPath is { } path && !inner.TryResolve(path, out items))
            {
                throw context.Runtime($"Invalid path '{path.Text}' : No results for path: {path.Normalized}");
            }
            if (items is not JsonArray array) throw context.Runtime($"Items of the Map state must be a JSON array, but was {JsonNodes.TypeName(items)}.");
            _hasItems = true;
            _afterItemsPath = array;
            var settings = map.QueryLanguage == QueryLanguage.Jsonata ? context : inner;
            _maxConcurrency = (int?)StateLogic.MapNumber(map.MaxConcurrency, settings, 0, int.MaxValue);
            _toleratedCount = StateLogic.MapNumber(map.ToleratedFailureCount, settings, 0, int.MaxValue);
            _toleratedPercentage = StateLogic.MapNumber(map.ToleratedFailurePercentage, settings, 0, 100);
            if (map.ItemSelector is null) return;
            var selected = new JsonArray();
            for (var i = 0; i < array.Count; i++)
            {
                var mapItem = new JsonObject { ["Index"] = i, ["Value"] = JsonNodes.Copy(array[i]) };
                var baseContext = context.ContextObject?.DeepClone() as JsonObject ?? [];
                baseContext["Map"] = new JsonObject { ["Item"] = mapItem };
                var itemContext = new EvaluationContext(map.QueryLanguage == QueryLanguage.Jsonata ? input : effective, () => baseContext, context.Variables, context.Random, state.Name, 0) { Jsonata = context.Jsonata };
                selected.Add(JsonNodes.Detach(map.ItemSelector.Evaluate(itemContext)));
            }
            _afterItemSelector = selected;
            var failures = request.StateConfiguration?.MapIterationFailureCount;
            if (failures is { } f && f > 0 && array.Count > 0)
            {
                var exceeded = (_toleratedCount is null && _toleratedPercentage is null)
                    || (_toleratedCount is { } c && f > c)
                    || (_toleratedPercentage is { } p && f * 100.0 / array.Count > p);
                if (exceeded) throw new StatesErrorException(StatesErrors.ExceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded");
            }
        }

        private async Task<TaskOutcome> Outcome(ErrorHandlingState handler, JsonNode? arguments, CancellationToken cancellationToken)
        {
            if (request.Mock is { } mock)
            {
                if (mock.ErrorOutput is { } error) return TaskOutcome.Failure(error.Error, error.Cause);
                return TaskOutcome.Success(ParseJson(mock.Result, "mock.result"));
            }
            if (handler is not TaskState task || options.InvokeTask is null)
            {
                throw new InvalidDefinitionException($"Testing a {handler.Type} state needs a mock of its result", []);
            }
            var invocation = new TaskInvocation(task.Resource, arguments, task.Name, task.TimeoutSeconds, task.HeartbeatSeconds);
            return await options.InvokeTask(invocation, cancellationToken);
        }

        private TestStateResult OnError(ErrorHandlingState handler, string error, string? cause)
        {
            var counts = new Dictionary<int, int>();
            for (var i = 0; i < handler.Retry.Count; i++) counts[i] = request.StateConfiguration?.RetrierRetryCount ?? 0;
            var decision = StateLogic.OnError(handler, input, error, cause, counts, context, options.Random, options.MaxPayloadBytes);
            return decision switch
            {
                StateLogic.RetryDecision retry => Result(TestStateStatus.Retriable, null, handler.Name, error, cause,
                    new ErrorDetails(RetryBackoffIntervalSeconds: (int)Math.Round(retry.DelaySeconds), RetryIndex: retry.RetrierIndex), null),
                StateLogic.CatchDecision caught => Result(TestStateStatus.CaughtError, caught.Exit.Output, caught.Exit.Next, error, cause,
                    new ErrorDetails(CatchIndex: caught.CatcherIndex), caught.Exit.Assigned),
                _ => Result(TestStateStatus.Failed, null, null, error, cause, null, null),
            };
        }

        private TestStateResult Exit(StateLogic.Exit exit) =>
            Result(TestStateStatus.Succeeded, exit.Output, exit.Next, null, null, null, exit.Assigned);

        public TestStateResult Result(TestStateStatus status, JsonNode? output, string? next, string? error, string? cause, ErrorDetails? details,
            IReadOnlyDictionary<string, JsonNode?>? assigned)
        {
            InspectionData? inspection = null;
            if (request.InspectionLevel != InspectionLevel.Info)
            {
                var after = (JsonObject)variables.DeepClone();
                if (assigned is not null)
                {
                    foreach (var (name, value) in assigned) after[name] = JsonNodes.Copy(value);
                }
                var present = new HashSet<string>(StringComparer.Ordinal) { "input" };
                if (trace.HasAfterInputPath) present.Add("afterInputPath");
                if (trace.HasAfterParameters) present.Add("afterParameters");
                if (trace.HasAfterArguments) present.Add("afterArguments");
                if (trace.HasResult) present.Add("result");
                if (trace.HasAfterResultSelector) present.Add("afterResultSelector");
                if (trace.HasAfterResultPath) present.Add("afterResultPath");
                if (_hasItems) present.Add("afterItemsPath");
                if (_afterItemSelector is not null) present.Add("afterItemSelector");
                inspection = new InspectionData
                {
                    Input = input,
                    AfterInputPath = trace.AfterInputPath,
                    AfterParameters = trace.AfterParameters,
                    AfterArguments = trace.AfterArguments,
                    Result = trace.Result,
                    AfterResultSelector = trace.AfterResultSelector,
                    AfterResultPath = trace.AfterResultPath,
                    AfterItemsPath = _afterItemsPath,
                    AfterItemSelector = _afterItemSelector,
                    MaxConcurrency = _maxConcurrency,
                    ToleratedFailureCount = _toleratedCount,
                    ToleratedFailurePercentage = _toleratedPercentage,
                    Variables = after,
                    ErrorDetails = details,
                    Present = present,
                };
            }
            return new TestStateResult
            {
                Status = status,
                Output = status is TestStateStatus.Succeeded or TestStateStatus.CaughtError ? output : null,
                NextState = status == TestStateStatus.Failed ? null : next,
                Error = error,
                Cause = cause,
                InspectionData = inspection,
            };
        }
    }
}
