namespace EcoBid.Workflows.Execution;

/// <summary>Where a frame (the machine, a Parallel branch or a Map iteration) stands.</summary>
public enum FramePhase
{
    /// <summary>About to enter <see cref="FrameSnapshot.State"/> with <see cref="FrameSnapshot.Input"/>.</summary>
    Entering,

    /// <summary>A task was invoked and its outcome is awaited.</summary>
    WaitingTask,

    /// <summary>A Wait state's timer is pending.</summary>
    Waiting,

    /// <summary>A retry's back-off timer is pending.</summary>
    WaitingRetry,

    /// <summary>A Parallel or Map state waits for its branches or iterations.</summary>
    WaitingChildren,
}
