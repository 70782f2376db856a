namespace EcoBid.Workflows.Json;

/// <summary>A JSONPath that cannot be parsed.</summary>
public sealed class JsonPathException : Exception
{
    public JsonPathException(string message) : base(message) { }

    public JsonPathException() { }

    public JsonPathException(string message, Exception inner) : base(message, inner) { }
}
