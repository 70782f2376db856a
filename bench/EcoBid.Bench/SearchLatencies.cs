namespace EcoBid.Bench;

/// <summary>Search latencies (milliseconds) by query kind and page, with nearest-rank percentiles.</summary>
internal sealed class SearchLatencies
{
    private readonly Dictionary<string, List<double>> _samples = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _hits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _cpu = new(StringComparer.Ordinal);

    /// <param name="cpuMilliseconds">Processor time the process used meanwhile: unlike latency, other load on the machine does not inflate it.</param>
    public void Add(string kind, bool firstPage, double milliseconds, double cpuMilliseconds, int hits)
    {
        foreach (var key in new[] { $"{kind}, {(firstPage ? "first page" : "later pages")}", "all searches" })
        {
            if (!_samples.TryGetValue(key, out var list))
            {
                list = [];
                _samples[key] = list;
            }

            list.Add(milliseconds);
            _hits[key] = _hits.GetValueOrDefault(key) + hits;
            _cpu[key] = _cpu.GetValueOrDefault(key) + cpuMilliseconds;
        }
    }

    public double Percentile(string key, double quantile) => Rank([.. _samples[key].Order()], quantile);

    public void Write(TextWriter output)
    {
        output.WriteLine($"{"query kind",-40} {"searches",9} {"hits/page",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"cpu ms",8}");
        foreach (var (key, samples) in _samples.OrderBy(s => s.Key == "all searches").ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            var sorted = samples.Order().ToArray();
            output.WriteLine($"{key,-40} {sorted.Length,9} {(double)_hits[key] / sorted.Length,9:0.0} {Rank(sorted, 0.50),8:0.00} {Rank(sorted, 0.95),8:0.00} {Rank(sorted, 0.99),8:0.00} {sorted[^1],8:0.00} {_cpu[key] / sorted.Length,8:0.00}");
        }
    }

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
