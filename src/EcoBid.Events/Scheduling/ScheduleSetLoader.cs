using System.Globalization;
using System.Text.Json;
using EcoBid.Events.Rules;

namespace EcoBid.Events.Scheduling;

/// <summary>
/// Reads the schedules file (JSON): <c>{ "schedules": [ { name, description, expression, timezone, startDate,
/// endDate } ] }</c>. Expressions, zones and dates are validated when loaded; a fault names the schedule.
/// </summary>
public static class ScheduleSetLoader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static ScheduleSet LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            return ScheduleSet.Empty;
        }

        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (RuleSetException ex)
        {
            throw new RuleSetException($"{path}: {ex.Message}", ex);
        }
    }

    public static ScheduleSet Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new RuleSetException($"The schedules file is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("schedules", out var schedules) || schedules.ValueKind != JsonValueKind.Array)
            {
                throw new RuleSetException("The schedules file needs a 'schedules' array.");
            }

            var result = new List<ScheduleDefinition>();
            foreach (var element in schedules.EnumerateArray())
            {
                var schedule = Read(element);
                if (result.Any(s => s.Name == schedule.Name))
                {
                    throw new RuleSetException($"Schedule '{schedule.Name}' is declared twice.");
                }

                result.Add(schedule);
            }

            return new ScheduleSet(result);
        }
    }

    private static ScheduleDefinition Read(JsonElement element)
    {
        var name = Text(element, "name") ?? throw new RuleSetException("Every schedule needs a 'name'.");
        var expressionText = Text(element, "expression") ?? throw new RuleSetException($"Schedule '{name}' needs an 'expression'.");
        if (!ScheduleExpression.TryParse(expressionText, out var expression, out var error))
        {
            throw new RuleSetException($"Schedule '{name}': {error}");
        }

        var zoneId = Text(element, "timezone") ?? "UTC";
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new RuleSetException($"Schedule '{name}': unknown time zone '{zoneId}'.", ex);
        }

        var start = Date(element, "startDate", name);
        var end = Date(element, "endDate", name);
        if (start is not null && end is not null && end <= start)
        {
            throw new RuleSetException($"Schedule '{name}': endDate must be after startDate.");
        }

        return new ScheduleDefinition(name, Text(element, "description") ?? string.Empty, expression, zone, start, end);
    }

    private static DateTimeOffset? Date(JsonElement element, string field, string name)
    {
        var text = Text(element, field);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new RuleSetException($"Schedule '{name}': {field} '{text}' is not an ISO-8601 date and time.");
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
