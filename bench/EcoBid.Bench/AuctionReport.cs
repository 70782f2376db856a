using System.Globalization;
using Spectre.Console;

namespace EcoBid.Bench;

/// <summary>The auction scenario's part of the report.</summary>
internal static class AuctionReport
{
    public static void Write(AuctionBenchResult? result)
    {
        if (result is null)
        {
            return;
        }

        var table = LatencyTable($"Quick auction ({result.Store}): one hot auction, then many closing at once");
        var b = result.BidLatency;
        table.AddRow($"Bids sent by {result.Bidders} bidders", N(result.Attempts), N(result.AttemptsPerSecond), Ms(b.Mean), Ms(b.P50), Ms(b.P95), Ms(b.P99), Ms(b.Max));
        table.AddRow("  accepted", N(result.Accepted), N(result.AcceptedPerSecond), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        table.AddRow("  refused (overtaken in the queue)", N(result.Attempts - result.Accepted), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        var c = result.CloseLatency;
        table.AddRow("Close: effective end -> close committed", N(result.Closed), string.Empty, Ms(c.Mean), Ms(c.P50), Ms(c.P95), Ms(c.P99), Ms(c.Max));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(
            $"Bid latency is call -> commit of the bid endpoint's handler, in process (no HTTP), while {result.Bidders} bidders keep one bid each in flight;");
        AnsiConsole.WriteLine(
            $"CPU {result.CpuMicrosecondsPerBid.ToString("N0", CultureInfo.InvariantCulture)} us per bid (whole process, pipeline included). Close latency is to the millisecond of the close's transaction clock.");
        AnsiConsole.WriteLine(
            $"Target: >= {N(AuctionBenchmark.TargetAcceptedPerSecond)} accepted bids/s on one auction -> " +
            (result.AcceptedPerSecond >= AuctionBenchmark.TargetAcceptedPerSecond ? "met" : "NOT met"));
        AnsiConsole.WriteLine($"Consistency after the {result.Store} auction run: {(result.Ok ? "ok" : "FAILED: " + string.Join("; ", result.Problems))}");
        AnsiConsole.WriteLine();
    }

    /// <summary>The auction reports' table: a measurement, its count and rate, and its latency percentiles.</summary>
    internal static Table LatencyTable(string title)
    {
        var table = new Table().Border(TableBorder.Ascii).Title(title);
        table.AddColumn("Measurement");
        table.AddColumn(new TableColumn("Count").RightAligned());
        table.AddColumn(new TableColumn("Rate /s").RightAligned());
        table.AddColumn(new TableColumn("mean ms").RightAligned());
        table.AddColumn(new TableColumn("p50").RightAligned());
        table.AddColumn(new TableColumn("p95").RightAligned());
        table.AddColumn(new TableColumn("p99").RightAligned());
        table.AddColumn(new TableColumn("max").RightAligned());
        return table;
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms.ToString("0.0", CultureInfo.InvariantCulture);
}
