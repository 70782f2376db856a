namespace EcoBid.Workflows.Definition;

/// <summary>One entry of a state's <c>Retry</c>.</summary>
public sealed class Retrier
{
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    public int IntervalSeconds { get; init; } = 1;

    public int MaxAttempts { get; init; } = 3;

    public double BackoffRate { get; init; } = 2.0;

    public int? MaxDelaySeconds { get; init; }

    /// <summary><c>FULL</c> randomises each delay between 0 and the computed interval; <c>NONE</c> (default) does not.</summary>
    public bool FullJitter { get; init; }

    public bool Matches(string error) => ErrorEquals.Any(pattern => StatesErrors.Matches(pattern, error));

    /// <summary>The delay before retry number <paramref name="attempt"/> (0-based), before jitter.</summary>
    public double DelaySeconds(int attempt)
    {
        var delay = IntervalSeconds * Math.Pow(BackoffRate, attempt);
        if (MaxDelaySeconds is { } max) delay = Math.Min(delay, max);
        return delay;
    }
}
