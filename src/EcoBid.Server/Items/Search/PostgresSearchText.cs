using System.Collections.Frozen;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// How words are indexed and looked up on PostgreSQL, to find what FTS5's <c>porter unicode61 remove_diacritics</c>
/// finds on SQLite: the <c>english</c> configuration stems (lamps finds lamp), and diacritics are folded here, in both
/// the indexed text and the searched words (café finds cafe, łóżko finds lozko), so no server extension (unaccent) is
/// needed. The letters are listed rather than decomposed with Unicode normalisation: the server runs with invariant
/// globalization, where normalisation leaves non-ASCII text as it is. One difference remains: the english
/// configuration leaves out stop words ("the", "and") on both sides.
/// </summary>
public static class PostgresSearchText
{
    public const string Configuration = "english";

    /// <summary>Every Latin letter with a diacritic from U+00C0 to U+024F, and beneath it its letter without one.</summary>
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳłŁøØđĐħĦŧŦ";
    private const string Plain = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYylLoOdDhHtT";

    private static readonly FrozenDictionary<char, char> Folded =
        Accented.Zip(Plain).ToFrozenDictionary(pair => pair.First, pair => pair.Second);

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Folded.TryGetValue(source[i], out var plain) ? plain : source[i];
            }
        });
    }
}
