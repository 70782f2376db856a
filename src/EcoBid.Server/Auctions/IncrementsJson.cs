using System.Collections.Concurrent;
using System.Text.Json;
using EcoBid.Domain.Auctions;
using EcoBid.Domain.Validation;
using EcoBid.Server.Events;

namespace EcoBid.Server.Auctions;

/// <summary>An increment table as stored in <c>auctions.increments</c>: <c>[{"from":0,"increment":5},…]</c>.</summary>
public static class IncrementsJson
{
    private const int MaxCached = 1024;

    // Every bid reads its auction's table; most auctions share the default, so parse each text once.
    private static readonly ConcurrentDictionary<string, IncrementTable> Parsed = new(StringComparer.Ordinal);

    public static string Write(IncrementTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return JsonSerializer.Serialize(table.Steps, EcoBidJson.Web);
    }

    public static IncrementTable Parse(string json)
    {
        if (Parsed.TryGetValue(json, out var cached))
        {
            return cached;
        }

        var steps = JsonSerializer.Deserialize<List<NewIncrementStep?>>(json, EcoBidJson.Web) ?? [];
        var errors = new ValidationErrors();
        var table = IncrementTable.Create(steps, errors) ?? throw new InvalidDataException($"A stored increment table is not valid: {json}");
        if (Parsed.Count >= MaxCached)
        {
            Parsed.Clear();
        }

        Parsed[json] = table;
        return table;
    }
}
