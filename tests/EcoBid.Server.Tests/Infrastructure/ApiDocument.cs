using System.Text.Json;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>The served OpenAPI document (<c>/openapi/v1.json</c>), read as JSON, with its operations listed.</summary>
public sealed class ApiDocument(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public IReadOnlyList<ApiOperation> Operations { get; } = [.. root.GetProperty("paths").EnumerateObject()
        .SelectMany(path => path.Value.EnumerateObject()
            .Where(method => method.Name is "get" or "post" or "put" or "delete" or "patch")
            .Select(method => new ApiOperation(path.Name, method.Name.ToUpperInvariant(), method.Value, root)))];

    public static async Task<ApiDocument> LoadAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return new ApiDocument(await response.ReadJsonAsync());
    }

    public ApiOperation Operation(string method, string path) =>
        Operations.SingleOrDefault(o => o.Method == method && o.Path == path) ?? throw new InvalidOperationException($"No {method} {path} in the document.");

    /// <summary>Follows a <c>$ref</c> (to a schema, parameter or header of this document); anything else comes back as it is.</summary>
    public static JsonElement Resolve(JsonElement root, JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            element = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                element = element.GetProperty(part);
            }
        }

        return element;
    }
}

/// <summary>One operation of the document.</summary>
public sealed record ApiOperation(string Path, string Method, JsonElement Json, JsonElement Root)
{
    public override string ToString() => $"{Method} {Path}";

    public IReadOnlyCollection<string> Statuses => Json.TryGetProperty("responses", out var responses)
        ? [.. responses.EnumerateObject().Select(r => r.Name)]
        : [];

    public bool Declares(int status) => Statuses.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public bool RequiresBearer => Json.TryGetProperty("security", out var security)
        && security.EnumerateArray().Any(requirement => requirement.TryGetProperty("Bearer", out _));

    public bool AcceptsBody => Json.TryGetProperty("requestBody", out _);

    /// <summary>The request body's schema (resolved), or null.</summary>
    public JsonElement? BodySchema => Json.TryGetProperty("requestBody", out var body)
        && body.GetProperty("content").TryGetProperty("application/json", out var json)
        && json.TryGetProperty("schema", out var schema)
            ? ApiDocument.Resolve(Root, schema)
            : null;

    /// <summary>The parameters (resolved): name, where (path, query, header), required, schema.</summary>
    public IReadOnlyList<ApiParameter> Parameters => Json.TryGetProperty("parameters", out var parameters)
        ? [.. parameters.EnumerateArray().Select(p => ApiDocument.Resolve(Root, p)).Select(p => new ApiParameter(
            p.GetProperty("name").GetString()!,
            p.GetProperty("in").GetString()!,
            p.TryGetProperty("required", out var required) && required.GetBoolean(),
            p.TryGetProperty("schema", out var schema) ? ApiDocument.Resolve(Root, schema) : default))]
        : [];

    /// <summary>The media types of the response for <paramref name="status"/> (empty when it has no body).</summary>
    public IReadOnlyCollection<string> MediaTypes(string status) =>
        Json.GetProperty("responses").GetProperty(status) is var response && response.TryGetProperty("content", out var content)
            ? [.. content.EnumerateObject().Select(c => c.Name)]
            : [];
}

public sealed record ApiParameter(string Name, string In, bool Required, JsonElement Schema);
