using System.Globalization;
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
        // The time comes from the envelope, not event_time: that column is unix milliseconds in the embedded store and
        // a timestamptz in PostgreSQL, and the envelope carries the same instant either way.
        var rows = await database.ReadAsync(db => db.QueryAsync<(string EventId, string Source, string DetailType, string Envelope)>(
            "SELECT event_id, source, detail_type, envelope FROM event_archive ORDER BY seq DESC LIMIT @count",
            new { count = Math.Clamp(count, 1, 500) }), cancellationToken);
        return rows.Select(row =>
        {
            using var json = JsonDocument.Parse(row.Envelope);
            var root = json.RootElement;
            var time = DateTimeOffset.Parse(root.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var correlation = root.TryGetProperty("correlation-id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            return new RecentEvent(row.EventId, row.Source, row.DetailType, time, correlation);
        }).ToList();
    }
}
