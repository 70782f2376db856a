namespace EcoBid.Domain.Moderation;

/// <summary>
/// Rule-based text moderation (the part Comprehend plays in the seeds): an item whose title or description contains a
/// listed term is flagged for review and kept out of search until an admin clears it.
/// </summary>
public static class TextModeration
{
    public const string Approved = "approved";
    public const string Flagged = "flagged";

    public static ModerationVerdict Review(string text, IReadOnlyCollection<string> blockedTerms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(blockedTerms);
        var words = text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', '!', '?', ';', ':', '"', '\'', '(', ')'))
            .ToHashSet(StringComparer.Ordinal);
        var hits = blockedTerms.Where(term => term.Contains(' ', StringComparison.Ordinal)
            ? text.Contains(term, StringComparison.OrdinalIgnoreCase)
            : words.Contains(term.ToLowerInvariant())).ToList();
        return hits.Count == 0 ? new ModerationVerdict(Approved, []) : new ModerationVerdict(Flagged, hits);
    }
}
