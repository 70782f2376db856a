using System.Text.Json;

namespace EcoBid.Web.Services;

/// <summary>An RFC 9457 problem the API answered with, kept whole so a form can show each error next to its field.</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, JsonElement Raw)
{
    public static ApiProblem From(int status, JsonElement body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in list.EnumerateObject())
            {
                errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                    ? field.Value.EnumerateArray().Select(e => e.ToString()).ToArray()
                    : [field.Value.ToString()];
            }
        }

        return new ApiProblem(
            status,
            Text(body, "title") ?? $"The server answered {status}.",
            Text(body, "detail"),
            errors,
            body.ValueKind == JsonValueKind.Undefined ? default : body.Clone());
    }

    /// <summary>A problem with no answer behind it: the API could not be reached.</summary>
    public static ApiProblem Unreachable(string detail) =>
        new(503, "The service could not be reached.", detail, new Dictionary<string, string[]>(), default);

    /// <summary>The messages for one field, matching the API's names case-insensitively (and <c>location.lat</c> under <c>location</c>).</summary>
    public IEnumerable<string> For(string field) =>
        Errors.Where(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase) || e.Key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Value);

    /// <summary>Errors no field of the form shows, so the summary at the top can.</summary>
    public IEnumerable<string> Except(IEnumerable<string> fields)
    {
        var shown = fields.ToList();
        return Errors.Where(e => !shown.Any(f => e.Key.Equals(f, StringComparison.OrdinalIgnoreCase) || e.Key.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase)))
            .SelectMany(e => e.Value);
    }

    public long? Number(string name) =>
        Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : null;

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
