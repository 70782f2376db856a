using System.Text.Json.Nodes;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Execution;

internal sealed partial class ExecutionRunner
{
    /// <summary>A frame reached a terminal state with <paramref name="output"/>.</summary>
    private void CompleteFrame(FrameSnapshot frame, JsonNode? output)
    {
        _frames.Remove(frame.Id);
        if (frame.ParentId is { } parentId)
        {
            if (_frames.TryGetValue(parentId, out var parent)) ChildSucceeded(parent, frame, output);
            return;
        }
        Emit(frame, HistoryEventTypes.ExecutionSucceeded, output: output, hasOutput: true);
        _snapshot.Status = ExecutionStatus.Succeeded;
        _snapshot.Output = output;
        _snapshot.StopTime = Now;
        CancelExecutionTimeout();
        foreach (var other in _frames.Values.ToList()) RemoveTree(other, emitAborted: false);
    }

    /// <summary>A frame's state failed and nothing caught it: the branch, iteration or execution fails.</summary>
    private void FailFrame(FrameSnapshot frame, string? error, string? cause)
    {
        _frames.Remove(frame.Id);
        CancelTaskTimers(frame);
        if (frame.ParentId is { } parentId)
        {
            if (_frames.TryGetValue(parentId, out var parent)) ChildFailed(parent, frame, error, cause);
            return;
        }
        FailExecution(frame, error, cause);
    }

    private void FailExecution(FrameSnapshot? frame, string? error, string? cause)
    {
        Emit(frame, HistoryEventTypes.ExecutionFailed, error: error, cause: cause);
        _snapshot.Status = ExecutionStatus.Failed;
        _snapshot.Error = error;
        _snapshot.Cause = cause;
        _snapshot.StopTime = Now;
        CancelExecutionTimeout();
        foreach (var other in _frames.Values.Where(f => f.ParentId is null).ToList()) RemoveTree(other, emitAborted: false);
        _frames.Clear();
    }

    /// <summary>StopExecution or the machine's TimeoutSeconds: every active state is aborted.</summary>
    private void EndAll(ExecutionStatus status, string eventType, string? error, string? cause)
    {
        foreach (var root in _frames.Values.Where(f => f.ParentId is null).ToList()) RemoveTree(root, emitAborted: true);
        _frames.Clear();
        Emit(null, eventType, error: error, cause: cause);
        _snapshot.Status = status;
        _snapshot.Error = error;
        _snapshot.Cause = cause;
        _snapshot.StopTime = Now;
        CancelExecutionTimeout();
    }

    private void CancelExecutionTimeout()
    {
        if (_snapshot.TimeoutTimerId is { } id) _commands.Add(new CancelTimer(id));
        _snapshot.TimeoutTimerId = null;
    }
}
