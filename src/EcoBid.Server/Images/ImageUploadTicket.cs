using System.Text.Json.Serialization;

namespace EcoBid.Server.Images;

/// <summary>The answer to a new photo: its id and status, and how to upload its bytes.</summary>
public sealed record ImageUploadTicket(string Id, string Status, UploadInstructions Upload);

/// <summary>
/// Send the bytes with <see cref="Method"/> to <see cref="Url"/> before <see cref="ExpiresAt"/>, with exactly these
/// <see cref="Headers"/> and no bearer token: the signature in the URL is the authority, and it binds the content type
/// and length.
/// </summary>
public sealed record UploadInstructions(string Method, string Url, UploadHeaders Headers, DateTimeOffset ExpiresAt);

/// <summary>The headers the upload must carry, by their HTTP names (a browser sets Content-Length itself).</summary>
public sealed record UploadHeaders(
    [property: JsonPropertyName("Content-Type")] string ContentType,
    [property: JsonPropertyName("Content-Length")] string ContentLength);
