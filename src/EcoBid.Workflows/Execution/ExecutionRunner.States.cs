using System.Text.Json.Nodes;
using EcoBid.Workflows.Definition;
using EcoBid.Workflows.Evaluation;

namespace EcoBid.Workflows.Execution;

internal sealed partial class ExecutionRunner
{
    private void Enter(FrameSnapshot frame)
    {
        var state = StateOf(frame);
        frame.EnteredTime = Now;
        frame.RetryCounts = null;
        frame.RetryCount = 0;
        frame.TaskToken = null;
        frame.EffectiveInput = null;
        _transitions++;
        frame.EnteredEventId = Emit(frame, HistoryEventTypes.Entered(state.Type), name: state.Name, input: frame.Input, hasInput: true);
        var context = Context(frame, state, frame.Input);
        try
        {
            switch (state)
            {
                case PassState pass:
                    Exit(frame, state, StateLogic.Pass(pass, frame.Input, context, _maxBytes));
                    break;
                case ChoiceState choice:
                    Exit(frame, state, StateLogic.Choice(choice, frame.Input, context, _maxBytes));
                    break;
                case WaitState wait:
                    var due = StateLogic.WaitUntil(wait, frame.Input, context, Now);
                    if (due <= Now)
                    {
                        Exit(frame, state, StateLogic.PassThrough(wait, frame.Input, context, _maxBytes));
                    }
                    else
                    {
                        frame.Phase = FramePhase.Waiting;
                        frame.TimerId = $"{_snapshot.ExecutionArn}:{frame.Path}{state.Name}:{frame.EnteredEventId}:wait";
                        _commands.Add(new StartTimer(frame.TimerId, due));
                    }
                    break;
                case SucceedState:
                    var succeeded = StateLogic.PassThrough(state, frame.Input, context, _maxBytes);
                    Emit(frame, HistoryEventTypes.Exited(state.Type), name: state.Name, output: succeeded.Output, hasOutput: true);
                    CompleteFrame(frame, succeeded.Output);
                    break;
                case FailState fail:
                    var (error, cause) = StateLogic.Fail(fail, frame.Input, context);
                    FailFrame(frame, error, cause);
                    break;
                case TaskState task:
                    // JSONata Arguments are evaluated per attempt in Invoke; JSONPath keeps the InputPath result for retries.
                    frame.EffectiveInput = task.QueryLanguage == QueryLanguage.Jsonata ? frame.Input : StateLogic.EffectiveInput(task, frame.Input, context);
                    Invoke(frame, task);
                    break;
                case ParallelState parallel:
                    StartParallel(frame, parallel);
                    break;
                case MapState map:
                    StartMap(frame, map);
                    break;
            }
        }
        catch (StatesErrorException e)
        {
            OnStateError(frame, state, e.Error, e.Cause);
        }
    }

    /// <summary>Leaves the state: assigns variables, writes StateExited, and moves on (or ends the frame).</summary>
    private void Exit(FrameSnapshot frame, State state, StateLogic.Exit exit)
    {
        if (exit.Assigned is { Count: > 0 } assigned)
        {
            frame.Variables ??= [];
            foreach (var (name, value) in assigned) frame.Variables[name] = Json.JsonNodes.Detach(value);
        }
        Emit(frame, HistoryEventTypes.Exited(state.Type), name: state.Name, output: exit.Output, hasOutput: true, assigned: exit.Assigned);
        frame.InvocationId = null;
        frame.TimerId = null;
        frame.TaskToken = null;
        frame.EffectiveInput = null;
        frame.RetryCounts = null;
        if (exit.Next is null)
        {
            CompleteFrame(frame, exit.Output);
            return;
        }
        frame.State = exit.Next;
        frame.Input = exit.Output;
        frame.Phase = FramePhase.Entering;
        _ready.Enqueue(frame);
    }

    private void Invoke(FrameSnapshot frame, TaskState task)
    {
        var attempt = frame.RetryCount;
        var invocationId = $"{_snapshot.ExecutionArn}:{frame.Path}{task.Name}:{frame.EnteredEventId}:{attempt}";
        var needsToken = task.WaitForTaskToken || (task.Parameters?.UsesTaskToken ?? false) || (task.Arguments?.UsesTaskToken ?? false);
        frame.TaskToken = needsToken ? TaskToken() : null;
        var context = Context(frame, task, frame.EffectiveInput);
        JsonNode? arguments;
        int? timeout, heartbeat;
        if (task.QueryLanguage == QueryLanguage.Jsonata)
        {
            var jsonataContext = Context(frame, task, frame.Input);
            arguments = task.Arguments is null ? frame.Input : task.Arguments.Evaluate(jsonataContext);
            timeout = Seconds(task.TimeoutSeconds, null, task.TimeoutSecondsExpression, jsonataContext, "TimeoutSeconds");
            heartbeat = Seconds(task.HeartbeatSeconds, null, task.HeartbeatSecondsExpression, jsonataContext, "HeartbeatSeconds");
        }
        else
        {
            arguments = StateLogic.Parameters(task, frame.EffectiveInput, context);
            timeout = Seconds(task.TimeoutSeconds, task.TimeoutSecondsPath, null, context, "TimeoutSecondsPath");
            heartbeat = Seconds(task.HeartbeatSeconds, task.HeartbeatSecondsPath, null, context, "HeartbeatSecondsPath");
        }
        StateIo.CheckSize(arguments, _maxBytes, context);
        if (HistoryEventTypes.IsLambdaFunction(task.Resource))
        {
            Emit(frame, HistoryEventTypes.LambdaFunctionScheduled, task: task, input: arguments, hasInput: true, timeout: timeout);
            Emit(frame, HistoryEventTypes.LambdaFunctionStarted);
        }
        else
        {
            Emit(frame, HistoryEventTypes.TaskScheduled, task: task, parameters: arguments, timeout: timeout, heartbeat: heartbeat);
            Emit(frame, HistoryEventTypes.TaskStarted, task: task);
        }
        frame.Phase = FramePhase.WaitingTask;
        frame.InvocationId = invocationId;
        _commands.Add(new InvokeTask(invocationId, task.Resource, arguments, timeout, heartbeat, frame.TaskToken, task.Name));
        if (timeout is { } t)
        {
            frame.TimeoutTimerId = invocationId + ":timeout";
            _commands.Add(new StartTimer(frame.TimeoutTimerId, Now.AddSeconds(t)));
        }
        if (heartbeat is { } h)
        {
            frame.HeartbeatSeconds = h;
            frame.HeartbeatSequence = 0;
            RestartHeartbeat(frame);
        }
    }

    private string TaskToken()
    {
        Span<byte> bytes = stackalloc byte[32];
        _env.Random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }

    private static int? Seconds(int? value, Json.JsonPath? path, Templates.PayloadTemplate? expression, EvaluationContext context, string field)
    {
        if (value is not null) return value;
        JsonNode? node;
        if (path is not null)
        {
            if (!context.TryResolve(path, out node)) throw context.Runtime($"Invalid path '{path.Text}' : No results for path: {path.Normalized}");
        }
        else if (expression is not null)
        {
            node = expression.Evaluate(context);
        }
        else
        {
            return null;
        }
        if (Json.JsonNodes.TryGetInteger(node, out var seconds) && seconds is >= 1 and <= 99999999) return (int)seconds;
        var message = $"The value of the field '{field}' must be a positive integer, but was {Json.JsonNodes.Serialize(node)}.";
        throw expression is not null ? context.QueryError(message) : context.Runtime(message);
    }

    private void RestartHeartbeat(FrameSnapshot frame)
    {
        if (frame.HeartbeatTimerId is { } old) _commands.Add(new CancelTimer(old));
        frame.HeartbeatTimerId = $"{frame.InvocationId}:heartbeat:{++frame.HeartbeatSequence}";
        _commands.Add(new StartTimer(frame.HeartbeatTimerId, Now.AddSeconds(frame.HeartbeatSeconds)));
    }

    private void CancelTaskTimers(FrameSnapshot frame)
    {
        if (frame.TimeoutTimerId is { } t) _commands.Add(new CancelTimer(t));
        if (frame.HeartbeatTimerId is { } h) _commands.Add(new CancelTimer(h));
        frame.TimeoutTimerId = null;
        frame.HeartbeatTimerId = null;
    }

    private void OnTaskSucceeded(FrameSnapshot frame, JsonNode? output)
    {
        var task = (TaskState)StateOf(frame);
        CancelTaskTimers(frame);
        var context = Context(frame, task, frame.Input);
        try
        {
            StateIo.CheckSize(output, _maxBytes, context);
            if (HistoryEventTypes.IsLambdaFunction(task.Resource)) Emit(frame, HistoryEventTypes.LambdaFunctionSucceeded, output: output, hasOutput: true);
            else Emit(frame, HistoryEventTypes.TaskSucceeded, task: task, output: output, hasOutput: true);
            Exit(frame, task, StateLogic.Complete(task, frame.Input, output, context, _maxBytes));
        }
        catch (StatesErrorException e)
        {
            OnStateError(frame, task, e.Error, e.Cause);
        }
    }

    private void OnTaskFailed(FrameSnapshot frame, string error, string? cause, string eventType)
    {
        var task = (TaskState)StateOf(frame);
        CancelTaskTimers(frame);
        if (HistoryEventTypes.IsLambdaFunction(task.Resource))
        {
            var lambdaType = eventType == HistoryEventTypes.TaskTimedOut ? HistoryEventTypes.LambdaFunctionTimedOut : HistoryEventTypes.LambdaFunctionFailed;
            Emit(frame, lambdaType, error: error, cause: cause);
        }
        else
        {
            Emit(frame, eventType, task: task, error: error, cause: cause);
        }
        OnStateError(frame, task, error, cause);
    }

    private void OnTimer(string timerId)
    {
        if (timerId == _snapshot.TimeoutTimerId)
        {
            _snapshot.TimeoutTimerId = null;
            EndAll(ExecutionStatus.TimedOut, HistoryEventTypes.ExecutionTimedOut, StatesErrors.Timeout, null);
            return;
        }
        foreach (var frame in _frames.Values.ToList())
        {
            if (frame.TimerId == timerId && frame.Phase == FramePhase.Waiting)
            {
                frame.TimerId = null;
                var state = StateOf(frame);
                try
                {
                    Exit(frame, state, StateLogic.PassThrough(state, frame.Input, Context(frame, state, frame.Input), _maxBytes));
                }
                catch (StatesErrorException e)
                {
                    OnStateError(frame, state, e.Error, e.Cause);
                }
                return;
            }
            if (frame.TimerId == timerId && frame.Phase == FramePhase.WaitingRetry)
            {
                frame.TimerId = null;
                var state = StateOf(frame);
                try
                {
                    switch (state)
                    {
                        case TaskState task:
                            Invoke(frame, task);
                            break;
                        case ParallelState parallel:
                            StartParallel(frame, parallel);
                            break;
                        case MapState map:
                            StartMap(frame, map);
                            break;
                    }
                }
                catch (StatesErrorException e)
                {
                    OnStateError(frame, state, e.Error, e.Cause);
                }
                return;
            }
            if (frame.Phase == FramePhase.WaitingTask && frame.TimeoutTimerId == timerId)
            {
                frame.TimeoutTimerId = null;
                OnTaskFailed(frame, StatesErrors.Timeout, null, HistoryEventTypes.TaskTimedOut);
                return;
            }
            if (frame.Phase == FramePhase.WaitingTask && frame.HeartbeatTimerId == timerId)
            {
                frame.HeartbeatTimerId = null;
                OnTaskFailed(frame, StatesErrors.HeartbeatTimeout, null, HistoryEventTypes.TaskTimedOut);
                return;
            }
        }
    }

    /// <summary>An error in the current state: Retry, Catch, or fail the frame.</summary>
    private void OnStateError(FrameSnapshot frame, State state, string error, string? cause)
    {
        if (_snapshot.Status != ExecutionStatus.Running) return;
        frame.RetryCounts ??= [];
        StateLogic.ErrorDecision decision;
        try
        {
            decision = StateLogic.OnError(state, frame.Input, error, cause, frame.RetryCounts, Context(frame, state, frame.Input), _env.Random, _maxBytes);
        }
        catch (StatesErrorException e)
        {
            FailFrame(frame, e.Error, e.Cause);
            return;
        }
        switch (decision)
        {
            case StateLogic.RetryDecision retry:
                frame.RetryCounts[retry.RetrierIndex] = frame.RetryCounts.GetValueOrDefault(retry.RetrierIndex) + 1;
                frame.RetryCount++;
                frame.Phase = FramePhase.WaitingRetry;
                frame.InvocationId = null;
                frame.TimerId = $"{_snapshot.ExecutionArn}:{frame.Path}{state.Name}:{frame.EnteredEventId}:retry:{frame.RetryCount}";
                _commands.Add(new StartTimer(frame.TimerId, Now.AddSeconds(retry.DelaySeconds)));
                break;
            case StateLogic.CatchDecision caught:
                Exit(frame, state, caught.Exit);
                break;
            default:
                FailFrame(frame, error, cause);
                break;
        }
    }
}
