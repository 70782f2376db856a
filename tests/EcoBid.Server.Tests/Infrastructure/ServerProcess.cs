using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// The real <c>ecobid</c> executable (the Server project's output, copied next to this test assembly), run as a child
/// process on a data directory and a loopback port of its own. It can be started, killed with SIGKILL and started
/// again on the same data directory and port, as often as a test likes; standard output and error of every run are
/// appended to <see cref="LogPath"/>. Disposing kills a running server, so a failing test never leaves one behind.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>Exit code .NET reports for a process ended by SIGKILL (128 + 9).</summary>
    public const int SigKillExitCode = 137;

    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly object _logGate = new();
    private readonly bool _ownsRootDirectory;
    private readonly HttpClient _probe;
    private Process? _process;

    static ServerProcess()
    {
        // Last line of defence: if the test host itself exits while a server runs, take the server down with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }
            }
        };
    }

    /// <param name="rootDirectory">Holds the data directory (<c>data/</c>) and the log (<c>server.log</c>).</param>
    /// <param name="port">The loopback port the server listens on, the same on every start.</param>
    /// <param name="environment">Extra environment variables for every start (configuration keys use <c>__</c>).</param>
    public ServerProcess(string rootDirectory, int port, IReadOnlyDictionary<string, string>? environment = null)
        : this(rootDirectory, port, environment, ownsRootDirectory: false)
    {
    }

    private ServerProcess(string rootDirectory, int port, IReadOnlyDictionary<string, string>? environment, bool ownsRootDirectory)
    {
        RootDirectory = Path.GetFullPath(rootDirectory);
        DataDirectory = Path.Combine(RootDirectory, "data");
        LogPath = Path.Combine(RootDirectory, "server.log");
        Directory.CreateDirectory(DataDirectory);
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _ownsRootDirectory = ownsRootDirectory;
        _probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ECOBID_DATA_DIR"] = DataDirectory,
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__EcoBid"] = "Information",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",

            // Every test client comes from 127.0.0.1: lift the per-address limits meant for the public.
            ["RateLimits__AuthPerAddressPerMinute"] = "100000",
            ["RateLimits__PerAddressPerSecond"] = "100000",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            Environment[key] = value;
        }
    }

    /// <summary>A server on a fresh temporary directory (deleted on dispose) and a free port.</summary>
    public static ServerProcess Create(IReadOnlyDictionary<string, string>? environment = null) =>
        new(Path.Combine(Path.GetTempPath(), "ecobid-server-" + Guid.NewGuid().ToString("N")[..12]), FreePort.Next(), environment, ownsRootDirectory: true);

    public string RootDirectory { get; }

    public string DataDirectory { get; }

    /// <summary>The SQLite file the server keeps its state in (<c>ECOBID_DATA_DIR/ecobid.db</c>).</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "ecobid.db");

    public string LogPath { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>Environment of the next start; change it between starts to restart with other settings.</summary>
    public IDictionary<string, string> Environment { get; }

    /// <summary>Extra command-line arguments of the next start, after <c>--urls</c>.</summary>
    public IList<string> Arguments { get; } = [];

    /// <summary>Keep a temporary directory made by <see cref="Create"/> after dispose (set it when a test fails).</summary>
    public bool KeepRootDirectory { get; set; }

    public int Starts { get; private set; }

    public int? ProcessId => _process?.Id;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the server and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan? readyTimeout = null, CancellationToken cancellationToken = default)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The server is already running; kill or stop it first.");
        }

        var serverDll = Path.Combine(AppContext.BaseDirectory, "ecobid.dll");
        if (!File.Exists(serverDll))
        {
            throw new FileNotFoundException("The server assembly is not next to the tests; does the test project reference EcoBid.Server?", serverDll);
        }

        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverDll);

        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        foreach (var argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        Starts++;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data is null ? null : "[stderr] " + e.Data);
        process.Start();
        _process = process;
        Running[process.Id] = process;
        AppendLog($"===== start #{Starts}: pid {process.Id}, {BaseAddress}, data {DataDirectory}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <summary>kill -9: ends the server at once, whatever it is doing. Returns the exit code (137 for SIGKILL).</summary>
    public int Kill()
    {
        var process = _process ?? throw new InvalidOperationException("The server is not running.");
        try
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Unix
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        return Reap(process, "killed");
    }

    /// <summary>Asks the server to shut down (SIGTERM) and waits; kills it if it has not exited in time.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        var process = _process ?? throw new InvalidOperationException("The server is not running.");
        if (OperatingSystem.IsWindows() || process.HasExited)
        {
            return Kill();
        }

        try
        {
            using var term = Process.Start(new ProcessStartInfo("kill", ["-s", "TERM", process.Id.ToString()]) { UseShellExecute = false })!;
            await term.WaitForExitAsync();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return Kill(); // no kill(1) on this machine
        }

        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            AppendLog("===== did not stop in time; killing");
            return Kill();
        }

        return Reap(process, "stopped");
    }

    /// <summary>Kills the server if it runs, then starts it again on the same data directory and port.</summary>
    public async Task RestartAsync(TimeSpan? readyTimeout = null, CancellationToken cancellationToken = default)
    {
        if (_process is not null)
        {
            Kill();
        }

        await StartAsync(readyTimeout, cancellationToken);
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200; fails at once, with the log's tail, if the server exits.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var process = _process ?? throw new InvalidOperationException("The server is not running.");
            if (process.HasExited)
            {
                var code = Reap(process, "exited on its own");
                throw new InvalidOperationException($"The server exited with code {code} before it was ready.\n{LogTail()}");
            }

            try
            {
                using var response = await _probe.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"The server was not ready within {timeout.TotalSeconds:0} s.\n{LogTail()}");
            }

            await Task.Delay(ReadyPollInterval, cancellationToken);
        }
    }

    /// <summary>The access token that <see cref="CreateClient"/> puts on its clients, once <see cref="SignUpAdminAsync"/> ran.</summary>
    public string? AccessToken { get; private set; }

    public HttpClient CreateClient(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(15) };
        return AccessToken is null ? client : client.Authorize(AccessToken);
    }

    /// <summary>
    /// Signs up a person through the API, makes them an admin with the real CLI verb (<c>ecobid users make-admin</c>,
    /// run beside the server on the same file), signs them in, and puts their token on every client made after.
    /// </summary>
    public async Task<TestUser> SignUpAdminAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        var user = await AccountFlow.SignUpAsync(client, Path.Combine(DataDirectory, "mail"), displayName: "Operator");
        var (exitCode, output) = await RunCliAsync("users", "make-admin", "--email", user.Email);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"make-admin exited {exitCode}: {output}");
        }

        var tokens = await AccountFlow.SignInAsync(client, user.Email);
        AccessToken = tokens.GetProperty("accessToken").GetString()!;
        return user with { AccessToken = AccessToken };
    }

    /// <summary>Runs a CLI verb of the server executable against this server's data directory.</summary>
    public async Task<(int ExitCode, string Output)> RunCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ecobid.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The last lines the server wrote, over all its runs.</summary>
    public string LogTail(int lines = 60)
    {
        lock (_logGate)
        {
            if (!File.Exists(LogPath))
            {
                return "(no server log)";
            }

            var all = File.ReadAllLines(LogPath);
            return $"--- last {Math.Min(lines, all.Length)} lines of {LogPath} ---\n" + string.Join('\n', all.TakeLast(lines));
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            Kill();
        }

        _probe.Dispose();
        if (_ownsRootDirectory && !KeepRootDirectory)
        {
            try
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return ValueTask.CompletedTask;
    }

    private int Reap(Process process, string how)
    {
        process.WaitForExit(); // also waits until the redirected output has been read to its end
        var code = process.ExitCode;
        Running.TryRemove(process.Id, out _);
        process.Dispose();
        _process = null;
        AppendLog($"===== {how}: exit code {code}");
        return code;
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            File.AppendAllText(LogPath, line + "\n");
        }
    }
}
