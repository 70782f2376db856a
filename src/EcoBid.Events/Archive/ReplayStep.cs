namespace EcoBid.Events.Archive;

/// <summary>What one batch of a replay left to do.</summary>
public enum ReplayStep
{
    /// <summary>The batch was delivered and more of the range remains.</summary>
    Continued,

    /// <summary>The range is exhausted; the replay is completed.</summary>
    Finished,

    /// <summary>Nothing was delivered: the replay is not running (cancelled, finished, unknown) or another runner moved it.</summary>
    Stopped,
}
