using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace EcoBid.Server.Cli;

/// <summary>
/// The verbs' console: as wide as the terminal (or <c>COLUMNS</c>, when set), and, when the output is piped or
/// captured and no width is given, wide enough that rows are never wrapped, so names and times stay greppable.
/// Tables keep ids, names, numbers and times on one line; only prose columns wrap, at spaces.
/// </summary>
internal static class CliConsole
{
    public const int RedirectedWidth = 240;

    public static IAnsiConsole Create(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(result.InvocationConfiguration.Output) });
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns >= 20)
        {
            console.Profile.Width = columns;
        }
        else if (!console.Profile.Out.IsTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>
    /// A compact table for the console's width. The <paramref name="whole"/> columns hold single tokens (names, ids)
    /// and never break; the others wrap only at spaces (a time between its date and its clock, a header between its
    /// words), which Spectre measures as at least their longest word, so no value is broken inside a word.
    /// </summary>
    public static Table Table(string[] columns, params string[] whole)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var table = new Table().Border(TableBorder.Simple);
        foreach (var name in columns)
        {
            var column = new TableColumn(name).Padding(0, 0, 1, 0);
            table.AddColumn(whole.Contains(name, StringComparer.Ordinal) ? column.NoWrap() : column);
        }

        return table;
    }

    /// <summary>Text for a prose column: wrapped at spaces, a word longer than the column cut with an ellipsis rather than broken.</summary>
    public static Markup Prose(string text) => new Markup(Markup.Escape(text)).Overflow(Overflow.Ellipsis);
}
