namespace EcoBid.Events.Scheduling;

/// <summary>One of the six positions of a cron expression: its name, range and optional value names.</summary>
internal sealed class CronField
{
    private static readonly string[] MonthNames =
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private CronField(string name, int min, int max, bool wraps, IReadOnlyList<string>? names = null)
    {
        Name = name;
        Min = min;
        Max = max;
        Wraps = wraps;
        Names = names ?? [];
    }

    public static CronField Minutes { get; } = new("minutes", 0, 59, wraps: true);

    public static CronField Hours { get; } = new("hours", 0, 23, wraps: true);

    public static CronField DayOfMonth { get; } = new("day-of-month", 1, 31, wraps: false);

    public static CronField Month { get; } = new("month", 1, 12, wraps: true, MonthNames);

    /// <summary>1 = Sunday … 7 = Saturday, as EventBridge numbers days of the week.</summary>
    public static CronField DayOfWeek { get; } = new("day-of-week", 1, 7, wraps: true, DayNames);

    public static CronField Year { get; } = new("year", 1970, 2199, wraps: false);

    public string Name { get; }

    public int Min { get; }

    public int Max { get; }

    /// <summary>Whether a range may run past the maximum and on from the minimum, as in <c>FRI-MON</c> or <c>22-2</c>.</summary>
    public bool Wraps { get; }

    /// <summary>Value names, the first standing for <see cref="Min"/>; matched without regard to case.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Span => Max - Min + 1;
}
