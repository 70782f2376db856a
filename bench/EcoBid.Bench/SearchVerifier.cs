using Dapper;
using EcoBid.Domain.Geo;
using EcoBid.Events.Sqlite;
using EcoBid.Server.Items;
using EcoBid.Server.Items.Search;
using Microsoft.Data.Sqlite;

namespace EcoBid.Bench;

/// <summary>
/// Checks searches against the obvious answer: every matching row read and ordered in memory. Slow (a full scan per
/// search), so only a few searches are checked; each of their pages must equal the slice of the obvious answer.
/// </summary>
internal static class SearchVerifier
{
    public static async Task<int> VerifyAsync(SqliteDatabase database, SearchWorkload workload, int searches, TextWriter output, CancellationToken cancellationToken)
    {
        var failures = 0;
        for (var i = 0; i < searches; i++)
        {
            var kind = SearchWorkload.Kinds[i % SearchWorkload.Kinds.Count];
            var request = workload.FirstPage(kind) with { Limit = "50" };
            var (query, _) = ItemSearchQueryParser.Parse(request);
            var expected = await database.ReadAsync(c => ObviousAsync((SqliteConnection)c, query!), cancellationToken);
            var actual = new List<long>();
            for (var page = 0; page < 4; page++)
            {
                var (pageQuery, _) = ItemSearchQueryParser.Parse(request);
                var response = await database.ReadAsync(c => ItemSearch.RunAsync(c, pageQuery!, cancellationToken), cancellationToken);
                var ids = response.Items.Select(h => h.Id).ToList();
                actual.AddRange(await database.ReadAsync(c => SeqsAsync(c, ids), cancellationToken));
                if (response.NextCursor is null)
                {
                    break;
                }

                request = request with { Cursor = response.NextCursor };
            }

            var wanted = expected.Take(actual.Count).ToList();
            var complete = actual.Count == expected.Count || actual.Count == 200;
            if (!wanted.SequenceEqual(actual) || !complete)
            {
                failures++;
                var at = Enumerable.Range(0, Math.Min(wanted.Count, actual.Count)).FirstOrDefault(k => wanted[k] != actual[k], -1);
                output.WriteLine($"MISMATCH {kind}: {request with { Cursor = null }}: first difference at {at}: expected {string.Join(',', expected.Skip(Math.Max(0, at - 2)).Take(6))}, got {string.Join(',', actual.Skip(Math.Max(0, at - 2)).Take(6))} ({expected.Count} expected, {actual.Count} read)");
            }
        }

        output.WriteLine($"verified {searches} searches against a full scan, up to 4 pages of 50 each: {(failures == 0 ? "all equal" : $"{failures} differ")}");
        return failures;
    }

    private static async Task<List<long>> SeqsAsync(System.Data.Common.DbConnection connection, List<string> ids)
    {
        var seqs = (await connection.QueryAsync<(string Id, long Seq)>("SELECT id, seq FROM items WHERE id IN @ids", new { ids })).ToDictionary(r => r.Id, r => r.Seq);
        return ids.ConvertAll(id => seqs[id]);
    }

    /// <summary>Every item that passes the filters, ordered as the search orders, computed the slow way.</summary>
    private static async Task<List<long>> ObviousAsync(SqliteConnection connection, ItemSearchQuery query)
    {
        var text = query.Text is { } words ? ItemStore.ToFtsQuery(words) : null;
        var rows = await connection.QueryAsync<(long Seq, double Lat, double Lon, string Category, string Mode, long InTitle)>(
            $"""
            SELECT seq, lat, lon, category, mode,
                   {(text is null ? "0" : "seq IN (SELECT rowid FROM item_search WHERE item_search MATCH @title)")} AS in_title
            FROM items
            WHERE status = @Status AND moderation = 'approved'
              {(text is null ? string.Empty : "AND seq IN (SELECT rowid FROM item_search WHERE item_search MATCH @all)")}
            """,
            new { query.Status, title = "{title} : (" + text + ")", all = "{title description} : (" + text + ")" });
        var matching = rows
            .Where(r => query.Categories.Count == 0 || query.Categories.Contains(r.Category))
            .Where(r => query.Mode is null || r.Mode == query.Mode)
            .Select(r => (r.Seq, Tier: query.Sort == SearchSort.Relevance && r.InTitle == 0 ? 1 : 0, Distance: query.Area is { } a ? a.Centre.DistanceKmTo(new GeoPoint(r.Lat, r.Lon)) : 0))
            .Where(r => query.Area is not { } a || r.Distance <= a.RadiusKm)
            .Select(r => new SearchPosition(r.Tier, r.Distance, r.Seq))
            .ToList();
        matching.Sort((a, b) => SearchPosition.Compare(query.Sort, a, b));
        return matching.ConvertAll(p => p.Seq);
    }
}
