namespace EcoBid.Server.Alarms;

/// <summary>
/// One alarm's settings (<c>Alarms:&lt;Name&gt;:…</c>). It is raised when its value exceeds <see cref="Threshold"/> for
/// <see cref="RaiseAfter"/> evaluations in a row, and cleared when it is at or under <see cref="ClearThreshold"/> (or has
/// no data) for <see cref="ClearAfter"/> evaluations in a row: the gap between the two is the hysteresis that keeps a
/// value hovering at the threshold from raising and clearing it over and over.
/// </summary>
public sealed class AlarmRuleOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>In the alarm's unit: a ratio (0.01 = 1 %), a count, or seconds.</summary>
    public double Threshold { get; set; }

    /// <summary>Defaults to <see cref="Threshold"/>.</summary>
    public double? ClearThreshold { get; set; }

    /// <summary>The sliding window a rate or count is taken over (alarms fed by what happens, not by stored state).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A rate is only judged once the window holds this many samples; with fewer there is no data.</summary>
    public int MinimumSamples { get; set; } = 1;

    public int RaiseAfter { get; set; } = 1;

    public int ClearAfter { get; set; } = 3;

    public double EffectiveClearThreshold => ClearThreshold ?? Threshold;

    internal static AlarmRuleOptions Default(double threshold, int minimumSamples = 1, int raiseAfter = 1) =>
        new() { Threshold = threshold, MinimumSamples = minimumSamples, RaiseAfter = raiseAfter };
}
