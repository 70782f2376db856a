using System.Globalization;
using EcoBid.Events.Scheduling;

namespace EcoBid.Events.Tests.Scheduling;

/// <summary>Fixed instants and zones for schedule tests; nothing reads the real clock.</summary>
internal static class ScheduleTestKit
{
    public static TimeZoneInfo Warsaw { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static DateTimeOffset? Next(string expression, string after, TimeZoneInfo? zone = null) =>
        ScheduleExpression.Parse(expression).NextAfter(T(after), zone ?? TimeZoneInfo.Utc);

    public static DateTimeOffset[] Series(params string[] isos) => isos.Select(T).ToArray();

    public static IReadOnlyList<DateTimeOffset> Take(string expression, string from, int count, TimeZoneInfo? zone = null) =>
        ScheduleTimeline.Next(ScheduleExpression.Parse(expression), zone ?? TimeZoneInfo.Utc, T(from), count);
}
