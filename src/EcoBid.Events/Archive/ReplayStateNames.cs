namespace EcoBid.Events.Archive;

/// <summary>The lower-case names replay states have in storage, the API and the CLI.</summary>
public static class ReplayStateNames
{
    public static string Name(this ReplayState state) => state switch
    {
        ReplayState.Pending => "pending",
        ReplayState.Running => "running",
        ReplayState.Completed => "completed",
        ReplayState.Cancelled => "cancelled",
        ReplayState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a replay state."),
    };

    public static ReplayState Parse(string name) => name switch
    {
        "pending" => ReplayState.Pending,
        "running" => ReplayState.Running,
        "completed" => ReplayState.Completed,
        "cancelled" => ReplayState.Cancelled,
        "failed" => ReplayState.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a replay state."),
    };

    public static bool IsFinal(this ReplayState state) => state is ReplayState.Completed or ReplayState.Cancelled or ReplayState.Failed;
}
