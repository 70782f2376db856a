using System.Globalization;
using System.Text.Json;
using EcoBid.Server.Events;

namespace EcoBid.Server.Items.Bulk;

/// <summary>
/// Reads the items of a bulk posting from JSON (<c>{"items": [...]}</c>) or CSV (a header row naming
/// <see cref="Columns"/>, one item a row). What cannot be read is refused whole, naming the row and field
/// (<c>items[3].location.lat</c>); whether a readable item is acceptable is decided later, item by item, by the
/// rules of <c>POST /items</c>.
/// </summary>
public static class BulkItemsReader
{
    public const int MaxItems = 200;

    /// <summary>The CSV columns: the fields of <c>POST /items</c>, with the location's two as <c>lat</c> and <c>lon</c> (or <c>lng</c>).</summary>
    public static IReadOnlyList<string> Columns { get; } = ["title", "description", "category", "mode", "lat", "lon"];

    private static readonly string[] Required = ["title", "category", "mode", "lat", "lon"];

    public static async Task<BulkItems> ReadJsonAsync(Stream body, CancellationToken cancellationToken)
    {
        BulkItemsRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<BulkItemsRequest>(body, EcoBidJson.Web, cancellationToken);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : "body";
            var where = e.LineNumber is { } l ? $" (line {l + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            return BulkItems.Refused(field, $"Not valid JSON here, or a value of the wrong type{where}.");
        }

        if (request?.Items is not { } items)
        {
            return BulkItems.Refused("items", "Required: {\"items\": [ ... ]}, each item as POST /items takes it.");
        }

        if (CountProblem(items.Count) is { } problem)
        {
            return BulkItems.Refused("items", problem);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                errors[$"items[{i}]"] = ["Must be an object with the fields of POST /items."];
            }
        }

        return errors.Count > 0 ? new BulkItems([], errors) : new BulkItems([.. items.Select(i => i!)], null);
    }

    public static BulkItems ReadCsv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (records, error) = CsvRecords.Parse(text);
        if (error is not null)
        {
            return BulkItems.Refused("body", error);
        }

        if (records.Count == 0)
        {
            return BulkItems.Refused("header", $"A header row is required: {string.Join(',', Columns)}.");
        }

        var (columns, headerProblem) = Header(records[0]);
        if (headerProblem is not null)
        {
            return BulkItems.Refused("header", headerProblem);
        }

        if (CountProblem(records.Count - 1) is { } problem)
        {
            return BulkItems.Refused("items", problem);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var items = new List<CreateItemRequest>(records.Count - 1);
        for (var i = 1; i < records.Count; i++)
        {
            var record = records[i];
            var index = i - 1;
            if (record.Fields.Count != columns.Count)
            {
                errors[$"items[{index}]"] = [$"Line {record.Line} has {record.Fields.Count} fields; the header has {columns.Count}."];
                continue;
            }

            string? Cell(string name) => columns.TryGetValue(name, out var at) && record.Fields[at] is { Length: > 0 } value ? value : null;
            double? Number(string name, string field)
            {
                if (Cell(name) is not { } text)
                {
                    return null;
                }

                if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                {
                    return value;
                }

                errors[$"items[{index}].{field}"] = [$"Line {record.Line}: '{Shorten(text)}' is not a number."];
                return null;
            }

            var lat = Number("lat", "location.lat");
            var lon = Number("lon", "location.lon");
            var location = lat is null && lon is null ? null : new LocationRequest(lat, lon);
            items.Add(new CreateItemRequest(Cell("title"), Cell("description"), Cell("category")?.Trim(), Cell("mode")?.Trim(), location));
        }

        return errors.Count > 0 ? new BulkItems([], errors) : new BulkItems(items, null);
    }

    private static (Dictionary<string, int> Columns, string? Problem) Header(CsvRecord header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant();
            name = name == "lng" ? "lon" : name;
            if (!Columns.Contains(name))
            {
                return (columns, $"Unknown column '{Shorten(header.Fields[i])}'; the columns are {string.Join(", ", Columns)}.");
            }

            if (!columns.TryAdd(name, i))
            {
                return (columns, $"The column '{name}' appears twice.");
            }
        }

        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        return missing.Count > 0 ? (columns, $"Missing column{(missing.Count > 1 ? "s" : string.Empty)}: {string.Join(", ", missing)}.") : (columns, null);
    }

    private static string? CountProblem(int count) => count switch
    {
        0 => "No items: send at least one.",
        > MaxItems => $"At most {MaxItems} items per bulk posting; this one has {count}.",
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
