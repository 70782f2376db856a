namespace EcoBid.Server.Blobs;

/// <summary>
/// The keys a blob store accepts: 1 to 512 characters, segments separated by <c>/</c>, each of letters, digits,
/// <c>.</c>, <c>_</c> and <c>-</c>, none empty, <c>.</c> or <c>..</c>. Such a key is a safe relative path on any file
/// system and a plain S3 object key.
/// </summary>
public static class BlobKeys
{
    public const int MaxLength = 512;

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || !segment.All(IsAllowed))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A prefix to list by: empty, or a key's start (it may end with <c>/</c> or mid-segment).</summary>
    public static bool IsValidPrefix(string? prefix) =>
        prefix is not null && (prefix.Length == 0 || IsValid(prefix.TrimEnd('/')));

    public static void Require(string key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException($"'{key}' is not a valid blob key.", nameof(key));
        }
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
