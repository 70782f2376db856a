namespace EcoBid.Bench.Peer;

/// <summary>One system's measured run of the peer workload.</summary>
/// <param name="Saturation">Write start → effect commit while the writers go as fast as they can (includes the backlog).</param>
/// <param name="FixedRate">The same at a fixed rate under capacity: the pipeline's own latency.</param>
/// <param name="Failure">Why the run did not finish, or null.</param>
internal sealed record PeerResult(
    string System,
    string Pipeline,
    int Events,
    TimeSpan Elapsed,
    TimeSpan WritesElapsed,
    TimeSpan ProcessCpu,
    TimeSpan MachineCpu,
    LatencySummary Saturation,
    LatencySummary FixedRate,
    long Effects,
    long Expected,
    string? Failure = null)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double WritesPerSecond => Events / WritesElapsed.TotalSeconds;

    public double ProcessCpuMicrosecondsPerEvent => ProcessCpu.TotalMicroseconds / Events;

    public double MachineCpuMicrosecondsPerEvent => MachineCpu.TotalMicroseconds / Events;

    /// <summary>Every event written (warm-up included) has exactly one effect row; the effect table's key forbids a second.</summary>
    public bool Ok => Failure is null && Effects == Expected;
}
