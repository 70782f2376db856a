using System.Diagnostics;
using System.Security.Cryptography;
using EcoBid.Events.Contracts;
using EcoBid.Server.Tests.Infrastructure;
using Npgsql;

namespace EcoBid.Server.Tests.Crash;

/// <summary>
/// Real <c>ecobid</c> processes sharing one PostgreSQL schema and one RabbitMQ vhost, as <c>scripts/cluster.sh</c>
/// runs them: api processes (<c>Role=api</c>) and worker processes (<c>Role=worker</c>), each with a data folder and a
/// port of its own, all with the same token signing key and one shared mail pickup folder (so a sign-up's
/// verification email is found whichever worker sent it). Disposing kills every process and drops the schema and the
/// vhost; the files are kept when <see cref="KeepFiles"/> is set.
/// </summary>
public sealed class ScaleOutCluster : IAsyncDisposable
{
    // Each process keeps a pool; four of them at 20 stay under PostgreSQL's default 100 connections.
    private const int PoolPerProcess = 20;

    private ScaleOutCluster(string root, string connectionString, string vhost)
    {
        Root = root;
        ConnectionString = connectionString;
        Vhost = vhost;
        MailFolder = Path.Combine(root, "mail");
    }

    public string Root { get; }

    /// <summary>The schema every process shares (Npgsql, with its search path).</summary>
    public string ConnectionString { get; }

    /// <summary>The AMQP URI of the vhost every process shares.</summary>
    public string Vhost { get; }

    public string MailFolder { get; }

    public List<ServerProcess> Apis { get; } = [];

    public List<ServerProcess> Workers { get; } = [];

    public IEnumerable<ServerProcess> All => Apis.Concat(Workers);

    public bool KeepFiles { get; set; }

    /// <summary>Creates the schema and the vhost, then starts the first api process (it migrates) and the rest together.</summary>
    public static async Task<ScaleOutCluster> StartAsync(int apis, int workers)
    {
        var root = Path.Combine(Path.GetTempPath(), "ecobid-cluster-" + Guid.NewGuid().ToString("N")[..12]);
        var cluster = new ScaleOutCluster(root, await PostgresTestServer.CreateSchemaAsync(), await RabbitMqTestServer.CreateVhostAsync());
        try
        {
            var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            for (var i = 1; i <= apis; i++)
            {
                cluster.Apis.Add(cluster.NewProcess($"api{i}", "api", signingKey));
            }

            for (var i = 1; i <= workers; i++)
            {
                cluster.Workers.Add(cluster.NewProcess($"worker{i}", "worker", signingKey));
            }

            var ready = TimeSpan.FromSeconds(60);
            await cluster.Apis[0].StartAsync(ready);
            await Task.WhenAll(cluster.All.Skip(1).Select(p => p.StartAsync(ready)));
            return cluster;
        }
        catch
        {
            cluster.KeepFiles = true;
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection to the shared schema that bypasses the pool (the pool's connections die with a database restart).</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 30, CommandTimeout = 60 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The last lines of every process's log, for a failing test's output.</summary>
    public string LogTails(int lines = 40) => string.Join("\n", All.Select(p => p.LogTail(lines)));

    /// <summary>Lines that tell of each start, kill and failure across the processes' logs.</summary>
    public IEnumerable<string> NotableLogLines() => All.SelectMany(p => File.Exists(p.LogPath)
        ? File.ReadLines(p.LogPath)
            .Where(l => l.StartsWith("=====", StringComparison.Ordinal) || l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal))
            .Select(l => $"{Path.GetFileName(p.RootDirectory)}: {l}")
        : []);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in All)
        {
            await process.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools(); // a restarted server leaves broken connections in this process's pools
        await PostgresTestServer.DropSchemaAsync(ConnectionString);
        await RabbitMqTestServer.DeleteVhostAsync(Vhost);
        if (!KeepFiles)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private ServerProcess NewProcess(string name, string role, string signingKey) => new(Path.Combine(Root, name), FreePort.Next(), new Dictionary<string, string>
    {
        ["Role"] = role,
        ["Storage"] = "postgres",
        ["Postgres__ConnectionString"] = new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = PoolPerProcess }.ConnectionString,
        ["Queues"] = "rabbitmq",
        ["RabbitMq__ConnectionString"] = Vhost,
        ["Auth__SigningKey"] = signingKey,
        ["Auth__PasswordIterations"] = "1000",
        ["Mail__PickupFolder"] = MailFolder,

        // The load reserves many items per buyer and bids as fast as it can.
        ["Reservations__MaxActivePerUser"] = "100000",
        ["RateLimits__PerUserPerSecond"] = "100000",
    });
}

/// <summary>The services' own controls, as the broker fault tests and scripts/test-services.sh use them.</summary>
public static class ServiceControl
{
    public static Task RabbitCtlAsync(string command) => RunAsync("rabbitmqctl", "-q", command);

    /// <summary>
    /// Restarts the Debian PostgreSQL cluster the tests run on (as root, like scripts/test-services.sh). The new server
    /// outlives the test, so it is started with no file of the test run open: every descriptor above standard error
    /// is closed first, and its output goes to the cluster's log, not to the test's pipes. A server holding the
    /// runner's pipe or lock would keep them open for as long as it runs.
    /// </summary>
    public static Task RestartPostgresAsync() => RunAsync(
        "bash",
        "-c",
        "for fd in /proc/$$/fd/*; do n=${fd##*/}; if [ \"$n\" -gt 2 ]; then eval \"exec $n>&-\" 2>/dev/null; fi; done; exec pg_ctlcluster 15 main restart </dev/null");

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{file} did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
