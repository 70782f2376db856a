using System.Text.Json.Nodes;
using EcoBid.Workflows.Definition;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Execution;

internal sealed partial class ExecutionRunner
{
    private void StartParallel(FrameSnapshot frame, ParallelState state)
    {
        var context = Context(frame, state, frame.Input);
        var effective = StateLogic.EffectiveInput(state, frame.Input, context);
        var input = StateLogic.Parameters(state, effective, context);
        var started = Emit(frame, HistoryEventTypes.ParallelStateStarted);
        frame.Phase = FramePhase.WaitingChildren;
        frame.Results = new JsonArray(new JsonNode?[state.Branches.Count]);
        frame.Running = state.Branches.Count;
        frame.Completed = 0;
        for (var i = 0; i < state.Branches.Count; i++)
        {
            var branch = state.Branches[i];
            var child = NewChild(frame, branch, i, $"{frame.Path}{state.Name}[{i}]/", branch.StartAt, JsonNodes.Copy(input), started);
            _ready.Enqueue(child);
        }
    }

    private FrameSnapshot NewChild(FrameSnapshot parent, StateMachineBranch branch, int index, string path, string start, JsonNode? input, long previousEvent)
    {
        var child = new FrameSnapshot
        {
            Id = _snapshot.NextFrameId++,
            ParentId = parent.Id,
            Branch = branch.Location,
            Index = index,
            Path = path,
            State = start,
            Input = input,
            LastEventId = previousEvent,
            Phase = FramePhase.Entering,
        };
        Add(child);
        return child;
    }

    private void StartMap(FrameSnapshot frame, MapState state)
    {
        var context = Context(frame, state, frame.Input);
        var effective = StateLogic.EffectiveInput(state, frame.Input, context);
        var inner = context.WithInput(effective);
        JsonNode? itemsNode;
        if (state.QueryLanguage == QueryLanguage.Jsonata)
        {
            itemsNode = state.Items is null ? frame.Input : state.Items.Evaluate(context);
        }
        else if (state.ItemsPath is { } itemsPath)
        {
            if (!inner.TryResolve(itemsPath, out itemsNode)) throw context.Runtime($"Invalid path '{itemsPath.Text}' : No results for path: {itemsPath.Normalized}");
        }
        else
        {
            itemsNode = effective;
        }
        if (itemsNode is not JsonArray items)
        {
            var message = state.QueryLanguage == QueryLanguage.Jsonata
                ? $"The Items field must evaluate to a JSON array, but was {JsonNodes.TypeName(itemsNode)}."
                : $"Invalid path '{state.ItemsPath?.Text ?? "$"}' : Items of the Map state must be a JSON array, but was {JsonNodes.TypeName(itemsNode)}.";
            throw state.QueryLanguage == QueryLanguage.Jsonata ? context.QueryError(message) : context.Runtime(message);
        }
        var settingsContext = state.QueryLanguage == QueryLanguage.Jsonata ? context : inner;
        var maxConcurrency = StateLogic.MapNumber(state.MaxConcurrency, settingsContext, 0, int.MaxValue) ?? 0;
        frame.ToleratedFailureCount = StateLogic.MapNumber(state.ToleratedFailureCount, settingsContext, 0, int.MaxValue);
        frame.ToleratedFailurePercentage = StateLogic.MapNumber(state.ToleratedFailurePercentage, settingsContext, 0, 100);

        // ItemSelector runs per item as the iteration starts (it may read $$.Map.Item); batching selects every item first.
        var work = new JsonArray();
        if (state.HasItemBatcher)
        {
            var selected = new List<JsonNode?>(items.Count);
            for (var i = 0; i < items.Count; i++) selected.Add(SelectItem(frame, state, effective, items[i], i));
            foreach (var batch in Batches(state, selected, settingsContext)) work.Add(batch);
            frame.MapInput = null;
        }
        else
        {
            foreach (var item in items) work.Add(JsonNodes.Copy(item));
            frame.MapInput = state.ItemSelector is null ? null : JsonNodes.Copy(effective);
        }

        Emit(frame, HistoryEventTypes.MapStateStarted, length: work.Count);
        frame.Items = work;
        frame.Results = new JsonArray(new JsonNode?[work.Count]);
        frame.NextIndex = 0;
        frame.Running = 0;
        frame.Completed = 0;
        frame.Failures = 0;
        frame.MaxConcurrency = (int)maxConcurrency;
        frame.Phase = FramePhase.WaitingChildren;
        if (work.Count == 0)
        {
            FinishMap(frame, state);
            return;
        }
        StartIterations(frame, state);
    }

    private JsonNode? SelectItem(FrameSnapshot frame, MapState state, JsonNode? effective, JsonNode? item, int index)
    {
        if (state.ItemSelector is null) return JsonNodes.Copy(item);
        var mapItem = new JsonObject { ["Index"] = index, ["Value"] = JsonNodes.Copy(item) };
        var input = state.QueryLanguage == QueryLanguage.Jsonata ? frame.Input : effective;
        return state.ItemSelector.Evaluate(Context(frame, state, input, mapItem));
    }

    private static IEnumerable<JsonObject> Batches(MapState state, List<JsonNode?> items, EvaluationContext context)
    {
        var maxItems = (int)(StateLogic.MapNumber(state.MaxItemsPerBatch, context, 1, int.MaxValue) ?? int.MaxValue);
        var maxBytes = (int)(StateLogic.MapNumber(state.MaxInputBytesPerBatch, context, 1, 256 * 1024) ?? 256 * 1024);
        var batchInput = state.BatchInput?.Evaluate(context);
        JsonArray? current = null;
        var bytes = 0;
        foreach (var item in items)
        {
            var size = JsonNodes.ByteSize(item);
            if (current is not null && (current.Count >= maxItems || bytes + size > maxBytes))
            {
                yield return Batch(current, batchInput);
                current = null;
            }
            current ??= [];
            if (current.Count == 0) bytes = 0;
            current.Add(JsonNodes.Detach(item));
            bytes += size;
        }
        if (current is not null) yield return Batch(current, batchInput);
    }

    private static JsonObject Batch(JsonArray items, JsonNode? batchInput)
    {
        var batch = new JsonObject();
        if (batchInput is not null) batch["BatchInput"] = JsonNodes.Copy(batchInput);
        batch["Items"] = items;
        return batch;
    }

    private void StartIterations(FrameSnapshot frame, MapState state)
    {
        var count = frame.Items!.Count;
        while (frame.NextIndex < count && (frame.MaxConcurrency == 0 || frame.Running < frame.MaxConcurrency))
        {
            var index = frame.NextIndex++;
            var item = frame.Items[index];
            frame.Items[index] = null;
            JsonNode? input;
            try
            {
                input = state.HasItemBatcher ? item : SelectItem(frame, state, frame.MapInput, item, index);
            }
            catch (StatesErrorException e)
            {
                AbortChildren(frame, state);
                Emit(frame, HistoryEventTypes.MapStateFailed);
                OnStateError(frame, state, e.Error, e.Cause);
                return;
            }
            var started = Emit(frame, HistoryEventTypes.MapIterationStarted, name: state.Name, index: index);
            frame.Running++;
            var child = NewChild(frame, state.Processor, index, $"{frame.Path}{state.Name}[{index}]/", state.Processor.StartAt, JsonNodes.Detach(input), started);
            _ready.Enqueue(child);
        }
    }

    private void ChildSucceeded(FrameSnapshot parent, FrameSnapshot child, JsonNode? output)
    {
        var state = StateOf(parent);
        parent.Results![child.Index] = JsonNodes.Detach(output);
        parent.Running--;
        parent.Completed++;
        if (state is MapState map)
        {
            parent.LastEventId = child.LastEventId;
            Emit(parent, HistoryEventTypes.MapIterationSucceeded, name: map.Name, index: child.Index);
            if (parent.Completed + parent.Failures == parent.Items!.Count) FinishMap(parent, map);
            else StartIterations(parent, map);
            return;
        }
        if (parent.Running == 0)
        {
            parent.LastEventId = child.LastEventId;
            Emit(parent, HistoryEventTypes.ParallelStateSucceeded);
            var results = parent.Results;
            parent.Results = null;
            CompleteChildren(parent, (ErrorHandlingState)state, results);
        }
    }

    private void FinishMap(FrameSnapshot frame, MapState state)
    {
        Emit(frame, HistoryEventTypes.MapStateSucceeded);
        var results = frame.Results;
        frame.Results = null;
        frame.Items = null;
        frame.MapInput = null;
        CompleteChildren(frame, state, results);
    }

    private void CompleteChildren(FrameSnapshot frame, ErrorHandlingState state, JsonNode? results)
    {
        try
        {
            Exit(frame, state, StateLogic.Complete(state, frame.Input, results, Context(frame, state, frame.Input), _maxBytes));
        }
        catch (StatesErrorException e)
        {
            OnStateError(frame, state, e.Error, e.Cause);
        }
    }

    private void ChildFailed(FrameSnapshot parent, FrameSnapshot child, string? error, string? cause)
    {
        var state = StateOf(parent);
        parent.LastEventId = child.LastEventId;
        if (state is MapState map)
        {
            parent.Running--;
            parent.Failures++;
            Emit(parent, HistoryEventTypes.MapIterationFailed, name: map.Name, index: child.Index);
            var total = parent.Items!.Count;
            // A Distributed Map always has a threshold (AWS's default tolerates no failure) and fails with
            // States.ExceedToleratedFailureThreshold; an inline Map without one fails with the item's own error.
            var tolerance = map.Distributed || parent.ToleratedFailureCount is not null || parent.ToleratedFailurePercentage is not null;
            var toleratedCount = parent.ToleratedFailureCount ?? (map.Distributed && parent.ToleratedFailurePercentage is null ? 0 : null);
            var exceeded = !tolerance
                || (toleratedCount is { } count && parent.Failures > count)
                || (parent.ToleratedFailurePercentage is { } percentage && parent.Failures * 100.0 / total > percentage);
            if (exceeded)
            {
                AbortChildren(parent, map);
                Emit(parent, HistoryEventTypes.MapStateFailed);
                parent.Results = null;
                parent.Items = null;
                parent.MapInput = null;
                if (tolerance) OnStateError(parent, map, StatesErrors.ExceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded");
                else OnStateError(parent, map, error ?? StatesErrors.BranchFailed, cause);
                return;
            }
            parent.Results![child.Index] = new JsonObject { ["Error"] = error, ["Cause"] = cause };
            if (parent.Completed + parent.Failures == total) FinishMap(parent, map);
            else StartIterations(parent, map);
            return;
        }
        AbortChildren(parent, state);
        Emit(parent, HistoryEventTypes.ParallelStateFailed, error: error, cause: cause);
        parent.Results = null;
        OnStateError(parent, state, error ?? StatesErrors.BranchFailed, cause);
    }

    /// <summary>Stops a Parallel's or Map's remaining children (and their descendants), cancelling their timers.</summary>
    private void AbortChildren(FrameSnapshot parent, State state)
    {
        foreach (var child in _frames.Values.Where(f => f.ParentId == parent.Id).OrderBy(f => f.Id).ToList())
        {
            RemoveTree(child, emitAborted: false);
            if (state is MapState map) Emit(parent, HistoryEventTypes.MapIterationAborted, name: map.Name, index: child.Index);
        }
        parent.Running = 0;
    }

    private void RemoveTree(FrameSnapshot frame, bool emitAborted)
    {
        foreach (var child in _frames.Values.Where(f => f.ParentId == frame.Id).ToList()) RemoveTree(child, emitAborted);
        CancelTaskTimers(frame);
        if (frame.TimerId is { } timer) _commands.Add(new CancelTimer(timer));
        if (emitAborted && frame.Phase != FramePhase.Entering)
        {
            var type = StateOf(frame).Type switch
            {
                StateType.Task => HistoryEventTypes.TaskStateAborted,
                StateType.Wait => HistoryEventTypes.WaitStateAborted,
                StateType.Map => HistoryEventTypes.MapStateAborted,
                StateType.Parallel => HistoryEventTypes.ParallelStateAborted,
                _ => null,
            };
            if (type is not null) Emit(frame, type, name: frame.State);
        }
        _frames.Remove(frame.Id);
    }
}
