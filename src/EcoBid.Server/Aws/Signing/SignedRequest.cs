namespace EcoBid.Server.Aws.Signing;

/// <summary>
/// What SigV4 covers of a request: the method, the path and query exactly as sent (still percent-encoded), every
/// header by name (case-insensitive), and the body.
/// </summary>
public sealed record SignedRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, ReadOnlyMemory<byte> Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public IReadOnlyList<string> HeaderValues(string name) => Headers.TryGetValue(name, out var values) ? values : [];
}
