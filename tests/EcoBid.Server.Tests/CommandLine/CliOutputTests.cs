using System.Text.RegularExpressions;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.CommandLine;

/// <summary>The built executable's verbs and its console log, run beside a real server on its data folder.</summary>
public sealed class CliOutputTests : IAsyncLifetime
{
    private readonly ServerProcess _server = ServerProcess.Create();

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Redriving_an_unknown_dead_letter_id_says_so_and_exits_non_zero()
    {
        var (exitCode, output) = await _server.RunCliAsync("dlq", "redrive", "Index", "--id", "12", "--id", "13");

        exitCode.ShouldNotBe(0, output);
        output.ShouldContain("redriven 0 message(s) to Index");
        output.ShouldContain("No dead letter 12, 13 in Index's dead-letter queue");
    }

    [Fact]
    public async Task Redriving_without_ids_an_empty_queue_succeeds()
    {
        var (exitCode, output) = await _server.RunCliAsync("dlq", "redrive", "Index");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("redriven 0 message(s) to Index");
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    public async Task The_queues_table_fits_the_terminal_and_breaks_no_name(int columns)
    {
        _server.Environment["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exitCode, output) = await _server.RunCliAsync("queues");

        exitCode.ShouldBe(0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines.ShouldAllBe(line => line.Length <= columns, output);

        // Every target of the shipped rules is on a line of its own, whole, with its counts beside it.
        foreach (var target in new[] { "Index", "Moderate", "UpdateStats", "CancelExpiredReservations", "NotifyNearbyUsers" })
        {
            lines.ShouldContain(line => Regex.IsMatch(line, $@"(^|\s){target}\s+0\s+0\s+0\s+0\s"), $"{target}\n{output}");
        }
    }

    [Fact]
    public async Task The_schedules_table_at_80_columns_wraps_only_between_words()
    {
        _server.Environment["COLUMNS"] = "80";
        var (exitCode, output) = await _server.RunCliAsync("schedules", "list");

        exitCode.ShouldBe(0, output);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines.ShouldAllBe(line => line.Length <= 80, output);
        foreach (var whole in new[] { "DailyCleanup", "CancelExpiredReservations", "AuctionEndCheck", "Europe/Warsaw" })
        {
            lines.ShouldContain(line => Regex.IsMatch(line, $@"(^|\s){Regex.Escape(whole)}(\s|$)"), $"{whole}\n{output}");
        }

        // A time may wrap between its date and its clock, never inside either.
        Regex.Count(output, @"\d{4}-\d\d-\d\d").ShouldBe(Regex.Count(output, @"\d\d:\d\d:\d\dZ"), output);
    }

    [Fact]
    public void The_simple_log_format_has_a_space_between_timestamp_and_level()
    {
        var lines = File.ReadAllLines(_server.LogPath).Where(l => l.Contains("Now listening on", StringComparison.Ordinal)).ToList();

        lines.ShouldNotBeEmpty(_server.LogTail());
        lines[0].ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: Microsoft\.Hosting\.Lifetime");
    }

    [Fact]
    public async Task The_json_log_format_keeps_the_timestamp_without_a_trailing_space()
    {
        await _server.StopAsync();
        _server.Environment["Logging__Console__FormatterName"] = "json";
        await _server.StartAsync();

        var line = File.ReadAllLines(_server.LogPath).Last(l => l.Contains("Now listening on", StringComparison.Ordinal));
        line.ShouldMatch("\"Timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"");
    }
}
