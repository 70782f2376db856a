using EcoBid.Events.Archive;

namespace EcoBid.Server.Admin;

/// <summary>A replay's definition and progress. <c>progress</c> is scanned / total, from 0 to 1.</summary>
public sealed record ReplayResponse(
    string Name,
    string State,
    DateTimeOffset From,
    DateTimeOffset To,
    string? EventPattern,
    IReadOnlyList<string>? Targets,
    long Total,
    long Scanned,
    long Matched,
    long Delivered,
    double Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    public static ReplayResponse Create(Replay replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var definition = replay.Definition;
        return new ReplayResponse(
            replay.Name, replay.State.Name(), definition.From, definition.To, definition.EventPattern, definition.Targets,
            replay.Total, replay.Scanned, replay.Matched, replay.Delivered, ProgressOf(replay),
            replay.CreatedAt, replay.StartedAt, replay.FinishedAt, replay.Error);
    }

    /// <summary>
    /// Scanned over the total counted at start; events archived into the range later can push scanned past the total,
    /// so the fraction is capped at 1.
    /// </summary>
    public static double ProgressOf(Replay replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        if (replay.State == ReplayState.Completed)
        {
            return 1;
        }

        return replay.Total == 0 ? 0 : Math.Round(Math.Min(1, (double)replay.Scanned / replay.Total), 4);
    }
}
