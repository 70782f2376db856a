using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.ScaleOut;

/// <summary>
/// The README's scale-out command for real: <c>scripts/cluster.sh up</c> builds EcoBid and starts two api processes,
/// two workers and the proxy on PostgreSQL and RabbitMQ (a database and vhost of the test's own, on ports of its own);
/// through the one URL a person signs up with the email a worker sent, posts, and finds the item once a worker indexed
/// it; <c>status</c> reports every process and the URL ready; <c>down</c> stops them all.
/// </summary>
[Collection(nameof(ClusterScript))]
public sealed class ClusterScriptTests : IAsyncLifetime
{
    private static readonly TimeSpan UpPatience = TimeSpan.FromMinutes(8);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecobid-tests", $"cluster-{Guid.NewGuid():N}");
    private readonly string _name = $"ecobid_cl_{Guid.NewGuid():N}"[..24];
    private int _port;

    public Task InitializeAsync()
    {
        _port = FreeBasePort();
        Directory.CreateDirectory(_root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await RunAsync("down", TimeSpan.FromMinutes(1));
        // As the script does: as root through the postgres account, otherwise as the caller.
        var drop = $"psql -qc 'DROP DATABASE IF EXISTS {_name} WITH (FORCE)' -c 'DROP ROLE IF EXISTS {_name}'";
        await ShellAsync(Environment.UserName == "root" ? $"su postgres -s /bin/sh -c \"{drop}\"" : drop);
        await ShellAsync($"rabbitmqctl -q delete_vhost {_name}; rabbitmqctl -q delete_user {_name}");
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Only disk space in the temp folder.
        }
    }

    [Fact]
    public async Task Up_gives_a_working_marketplace_on_one_url_status_reports_it_and_down_stops_every_process()
    {
        var (upCode, upOutput) = await RunAsync("up", UpPatience);
        upCode.ShouldBe(0, upOutput + Logs());
        upOutput.ShouldContain($"EcoBid is up on http://localhost:{_port}");

        using var client = new HttpClient { BaseAddress = new Uri($"http://localhost:{_port}") };
        var person = await AccountFlow.SignUpAsync(client, Path.Combine(_root, "data", "mail"), displayName: "Cluster Giver");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", person.AccessToken);
        var itemId = await client.CreateItemAsync(Requests.Item(title: "Clustered rocking chair"));
        await Eventually.TrueAsync(
            async () => (await client.GetStringAsync("/items?q=rocking&lat=52.2297&lon=21.0122&radiusKm=5")).Contains(itemId, StringComparison.Ordinal),
            seconds: 30,
            what: "a worker indexed the item for search");

        var (statusCode, statusOutput) = await RunAsync("status", TimeSpan.FromMinutes(1));
        statusCode.ShouldBe(0, statusOutput);
        foreach (var process in new[] { "proxy", "api1", "api2", "worker1", "worker2" })
        {
            statusOutput.ShouldMatch($@"(?m)^{process}\s+running \(pid \d+\)$");
        }

        statusOutput.ShouldContain($"http://localhost:{_port} is ready");

        var pids = Directory.GetFiles(Path.Combine(_root, "pids")).Select(f => int.Parse(File.ReadAllText(f).Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        pids.Count.ShouldBe(5);
        var (downCode, downOutput) = await RunAsync("down", TimeSpan.FromMinutes(1));
        downCode.ShouldBe(0, downOutput);
        pids.ShouldAllBe(pid => !IsRunning(pid));
        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("/health"));
    }

    private async Task<(int Code, string Output)> RunAsync(string verb, TimeSpan patience)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "scripts", "cluster.sh"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ECOBID_CLUSTER_ROOT"] = _root;
        start.Environment["ECOBID_CLUSTER_NAME"] = _name;
        start.Environment["ECOBID_CLUSTER_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The test host's MSBuild settings would steer the script's `dotnet publish` to the test run's build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cluster.sh {verb} did not finish in {patience}.{Logs()}");
        }

        return (process.ExitCode, await output + await errors);
    }

    private string Logs()
    {
        var logs = Path.Combine(_root, "logs");
        return !Directory.Exists(logs) ? string.Empty
            : string.Concat(Directory.GetFiles(logs).Select(f => $"\n--- {Path.GetFileName(f)}\n{string.Join('\n', File.ReadLines(f).TakeLast(30))}"));
    }

    private static async Task ShellAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        await process.WaitForExitAsync();
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A port whose neighbours the script uses too (+1, +2 for the api processes, +11, +12 for the workers) are free.</summary>
    private static int FreeBasePort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = FreePort.Next();
            if (port + 12 < 65536 && new[] { 0, 1, 2, 11, 12 }.All(offset => IsFree(port + offset)))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free run of ports for the cluster.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "cluster.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("scripts/cluster.sh not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The cluster script's test builds and starts five processes: it runs alone.</summary>
[CollectionDefinition(nameof(ClusterScript), DisableParallelization = true)]
public sealed class ClusterScript;
