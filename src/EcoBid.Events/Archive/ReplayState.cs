namespace EcoBid.Events.Archive;

/// <summary>
/// A replay's life: <see cref="Pending"/> until a runner picks it up, <see cref="Running"/> while it delivers, then one
/// of the three final states. A cancel flips a pending or running replay to <see cref="Cancelled"/> at once; the
/// runner stops before its next batch.
/// </summary>
public enum ReplayState
{
    Pending,
    Running,
    Completed,
    Cancelled,
    Failed,
}
