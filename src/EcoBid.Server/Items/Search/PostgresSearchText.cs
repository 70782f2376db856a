using System.Globalization;
using System.Text;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// How words are indexed and looked up on PostgreSQL, to find what FTS5's <c>porter unicode61 remove_diacritics</c>
/// finds on SQLite: the <c>english</c> configuration stems (lamps finds lamp), and diacritics are folded here, in both
/// the indexed text and the searched words (café finds cafe), so no server extension (unaccent) is needed. One
/// difference remains: the english configuration leaves out stop words ("the", "and") on both sides.
/// </summary>
public static class PostgresSearchText
{
    public const string Configuration = "english";

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }
}
