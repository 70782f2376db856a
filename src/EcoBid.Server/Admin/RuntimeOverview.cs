using System.Text.Json;
using Dapper;
using EcoBid.Events.Rules;
using EcoBid.Events.Storage;
using EcoBid.Web.Services.Console;

namespace EcoBid.Server.Admin;

/// <summary>The rules as loaded and the newest archived events, for the operator console's map and event list.</summary>
public sealed class RuntimeOverview(RuleSet rules, IEventDatabase database) : IRuntimeOverview
{
    public IReadOnlyList<RuleRoute> Rules { get; } =
        rules.Rules.Select(r => new RuleRoute(r.Name, r.Description, r.Pattern.Json, r.Targets)).ToList();

    public async Task<IReadOnlyList<RecentEvent>> RecentEventsAsync(int count, CancellationToken cancellationToken)
    {
        // The archive's event time is unix milliseconds on SQLite and timestamptz on PostgreSQL.
        var rows = await database.ReadAsync(db => db.QueryAsync<(string EventId, string Source, string DetailType, object EventTime, string Envelope)>(
            "SELECT event_id, source, detail_type, event_time, envelope FROM event_archive ORDER BY seq DESC LIMIT @count",
            new { count = Math.Clamp(count, 1, 500) }), cancellationToken);
        return rows.Select(row => new RecentEvent(
            row.EventId, row.Source, row.DetailType, TimeOf(row.EventTime), CorrelationOf(row.Envelope))).ToList();
    }

    private static DateTimeOffset TimeOf(object value) => value switch
    {
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset time => time,
        _ => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static string? CorrelationOf(string envelope)
    {
        using var json = JsonDocument.Parse(envelope);
        return json.RootElement.TryGetProperty("correlation-id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }
}
