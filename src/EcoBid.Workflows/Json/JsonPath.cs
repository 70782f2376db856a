using System.Text;
using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Json;

/// <summary>
/// A compiled JSONPath with the semantics of Jayway JsonPath as Step Functions uses it: a definite path selects one
/// value or nothing; an indefinite one (wildcard, deep scan, slice, union, filter) selects an array of matches.
/// </summary>
internal sealed class JsonPath
{
    private JsonPath(string text, PathRoot root, string? variable, IReadOnlyList<PathSegment> segments, bool length)
    {
        Text = text;
        Root = root;
        VariableName = variable;
        Segments = segments;
        EndsWithLength = length;
        IsDefinite = segments.All(s => s.IsDefinite);
        IsReference = !length && segments.All(s => s.IsReference);
        var sb = new StringBuilder(root switch { PathRoot.Context => "$$", PathRoot.Current => "@", PathRoot.Variable => "$" + variable, _ => "$" });
        foreach (var segment in segments) sb.Append(segment.Normalized);
        if (length) sb.Append(".length()");
        Normalized = sb.ToString();
    }

    public string Text { get; }

    public PathRoot Root { get; }

    /// <summary>For a <c>$name…</c> path, the variable's name.</summary>
    public string? VariableName { get; }

    public IReadOnlyList<PathSegment> Segments { get; }

    public bool IsDefinite { get; }

    /// <summary>Only names and non-negative indexes: a Reference Path, as ResultPath requires.</summary>
    public bool IsReference { get; }

    public bool EndsWithLength { get; }

    /// <summary>Jayway's rendering, e.g. <c>$['a'][0]</c>, as AWS quotes it in "No results for path" messages.</summary>
    public string Normalized { get; }

    public static JsonPath Parse(string text) => new JsonPathParser(text).Parse(
        (root, variable, segments, length) => new JsonPath(text, root, variable, segments, length));

    public static bool TryParse(string text, out JsonPath? path, out string? error)
    {
        try
        {
            path = Parse(text);
            error = null;
            return true;
        }
        catch (JsonPathException e)
        {
            path = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Applies the path to <paramref name="start"/>. A definite path gives false when nothing matches; an indefinite
    /// one always gives an array (possibly empty).
    /// </summary>
    public bool TryEvaluate(JsonNode? start, JsonNode? root, out JsonNode? result)
    {
        if (Segments.Count == 0 && !EndsWithLength)
        {
            result = start;
            return true;
        }
        if (IsDefinite)
        {
            var node = start;
            var single = new List<JsonNode?>(1);
            foreach (var segment in Segments)
            {
                single.Clear();
                segment.Select(node, root, single);
                if (single.Count == 0)
                {
                    result = null;
                    return false;
                }
                node = single[0];
            }
            return Finish(node, out result);
        }
        var current = new List<JsonNode?> { start };
        var next = new List<JsonNode?>();
        foreach (var segment in Segments)
        {
            next.Clear();
            foreach (var node in current) segment.Select(node, root, next);
            (current, next) = (next, current);
        }
        var array = new JsonArray();
        foreach (var node in current) array.Add(JsonNodes.Detach(node));
        return Finish(array, out result);
    }

    private bool Finish(JsonNode? node, out JsonNode? result)
    {
        if (!EndsWithLength)
        {
            result = node;
            return true;
        }
        switch (node)
        {
            case JsonArray array:
                result = JsonValue.Create(array.Count);
                return true;
            case JsonObject obj:
                result = JsonValue.Create(obj.Count);
                return true;
            default:
                if (JsonNodes.AsString(node) is { } s)
                {
                    result = JsonValue.Create(s.Length);
                    return true;
                }
                result = null;
                return false;
        }
    }

    public override string ToString() => Text;
}
