using System.Globalization;

namespace EcoBid.Bench;

/// <summary>Settings of one search benchmark run.</summary>
internal sealed record SearchBenchmarkOptions
{
    public int Items { get; init; } = 1_000_000;

    /// <summary>Searches per query kind; each is a first page, often followed by further pages.</summary>
    public int SearchesPerKind { get; init; } = 500;

    /// <summary>The database file; generated when missing, reused (as it is) when present, so runs can repeat quickly.</summary>
    public string? Database { get; init; }

    public int Seed { get; init; } = 20_251_121;

    /// <summary>Searches checked against a full scan before timing (0: none).</summary>
    public int Verify { get; init; }

    /// <summary>Only the query kinds whose names contain one of these (all when empty).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    public const string Usage = """
        EcoBid nearby-search benchmark.

        dotnet run -c Release --project bench/EcoBid.Bench -- search [options]

          --items N         items generated in the database                   (default 1000000)
          --searches N      searches per query kind (pages follow some)       (default 500)
          --db PATH         database file: generated if missing, else reused  (default: a temporary file, deleted)
          --seed N          random seed of the data and the searches          (default 20251121)
          --verify N        first check N searches against a full scan        (default 0)
          --kind TEXT       only query kinds whose name contains TEXT (repeatable; default all)
        """;

    public static SearchBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SearchBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Positive() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} needs a positive integer.");
            options = name switch
            {
                "--items" => options with { Items = Positive() },
                "--searches" => options with { SearchesPerKind = Positive() },
                "--db" => options with { Database = Value() },
                "--seed" => options with { Seed = Positive() },
                "--verify" => options with { Verify = Positive() },
                "--kind" => options with { Kinds = [.. options.Kinds, Value()] },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }
}
