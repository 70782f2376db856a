namespace EcoBid.Bench;

/// <summary>Command-line settings of one benchmark run.</summary>
internal sealed record BenchOptions
{
    public int Events { get; init; } = 5_000;

    public string Scenario { get; init; } = "all";

    /// <summary>Concurrent writers, for both the raw insert run and the pipeline run.</summary>
    public int Writers { get; init; } = 4;

    /// <summary>Events per second offered in the latency run.</summary>
    public int Rate { get; init; } = 500;

    public TimeSpan LatencyDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Items written (and fully handled) before measuring, so the JIT and caches are warm.</summary>
    public int Warmup { get; init; } = 500;

    /// <summary>
    /// Least time each pipeline host is kept busy before measuring: tiered JIT keeps recompiling hot methods for several
    /// seconds, and on two cores that compiler thread takes a visible share of the CPU.
    /// </summary>
    public TimeSpan WarmupTime { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Parent directory of the fresh data directories (default: the system temp directory).</summary>
    public string? Directory { get; init; }

    public bool Keep { get; init; }

    /// <summary>Push run: send each message with a real HTTP request to the endpoint, rather than calling its handler.</summary>
    public bool OverHttp { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>An AMQP URI: the pipeline runs with <c>Queues=rabbitmq</c> on that broker (a vhost of its own, empty).</summary>
    public string? RabbitMq { get; init; }

    /// <summary>
    /// A PostgreSQL connection string: the raw insert runs are repeated on that database, and the pipeline, latency and
    /// auction runs with <c>Storage=postgres</c> on a fresh schema of it each.
    /// </summary>
    public string? Postgres { get; init; }

    /// <summary>Concurrent bidders in the hot-auction-cluster run, split across its api hosts.</summary>
    public int Bidders { get; init; } = 64;

    public bool RunsRaw => Scenario is "all" or "raw";

    public bool RunsPipeline => Scenario is "all" or "pipeline";

    public bool RunsLatency => Scenario is "all" or "latency";

    public bool RunsAuction => Scenario is "all" or "auction";

    public const string Usage = """
        EcoBid pipeline benchmark.

        dotnet run -c Release --project bench/EcoBid.Bench -- [options]

          --events N        items (events) per throughput run            (default 5000)
          --scenario S      all | raw | pipeline | latency | auction | workflows (default all)
                            hot-auction-cluster: one auction, 2 api hosts + a worker on --postgres,
                            --seconds long (not in all)
                            nearby: saved-search alerts, 100,000 searches (not in all)
                            push: message -> WebSocket push, 1,000 clients, --rate/--seconds (not in all)
                            peer: the outbox -> RabbitMQ -> handler work on EcoBid and on MassTransit,
                            needs --postgres and --rabbitmq (not in all)
          --writers W       concurrent writers in the throughput runs    (default 4)
          --rate R          events/s offered in the latency run          (default 500)
          --seconds S       length of the latency run                    (default 10)
          --warmup N        items handled before each measurement        (default 500)
          --warmup-seconds S  and for at least this long (pipeline hosts) (default 8)
          --dir PATH        where to create the fresh data directories   (default: temp)
          --keep            keep the data directories afterwards
          --timeout S       give up waiting for the pipeline after S s   (default 300)
          --rabbitmq URI    pipeline, latency and hot-auction-cluster runs with Queues=rabbitmq on this broker
          --postgres CS     raw insert, pipeline, latency and auction runs on this PostgreSQL database too
                            (a fresh schema per run, dropped after)
          --bidders N       hot-auction-cluster: bidders over the 2 api hosts (default 64)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Positive() => int.TryParse(Value(), out var n) && n > 0 ? n : throw new ArgumentException($"{name} needs a positive integer.");
            options = name switch
            {
                "--events" or "-n" => options with { Events = Positive() },
                "--scenario" or "-s" => options with { Scenario = ParseScenario(Value()) },
                "--writers" => options with { Writers = Positive() },
                "--rate" => options with { Rate = Positive() },
                "--seconds" => options with { LatencyDuration = TimeSpan.FromSeconds(Positive()) },
                "--warmup" => options with { Warmup = int.TryParse(Value(), out var w) && w >= 0 ? w : throw new ArgumentException("--warmup needs a count.") },
                "--warmup-seconds" => options with { WarmupTime = TimeSpan.FromSeconds(int.TryParse(Value(), out var ws) && ws >= 0 ? ws : throw new ArgumentException("--warmup-seconds needs a number of seconds.")) },
                "--dir" => options with { Directory = Value() },
                "--keep" => options with { Keep = true },
                "--http" => options with { OverHttp = true },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Positive()) },
                "--rabbitmq" => options with { RabbitMq = Value() },
                "--postgres" => options with { Postgres = Value() },
                "--bidders" => options with { Bidders = Positive() },
                "--help" or "-h" or "-?" => throw new HelpRequestedException(),
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

    private static string ParseScenario(string value) => value.ToLowerInvariant() switch
    {
        "all" or "raw" or "pipeline" or "latency" or "auction" or "nearby" or "push" or "workflows" or "hot-auction-cluster" or "peer" => value.ToLowerInvariant(),
        _ => throw new ArgumentException($"Unknown scenario '{value}'; use all, raw, pipeline, latency, auction, nearby, push, workflows, hot-auction-cluster or peer."),
    };
}

internal sealed class HelpRequestedException : Exception
{
}
