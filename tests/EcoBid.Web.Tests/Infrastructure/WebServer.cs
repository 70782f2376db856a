using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcoBid.Web.Tests.Infrastructure;

/// <summary>
/// The real <c>ecobid</c> executable, built beside the tests, started on a fresh data folder and a free loopback
/// port, exactly as `dotnet run` starts it (web client included). Helpers sign people up through the API and the
/// emailed link, and make one an admin with the server's own command line.
/// </summary>
public sealed partial class WebServer : IAsyncDisposable
{
    public const string Password = "Str0ng-enough";

    private readonly StringBuilder _log = new();
    private Process? _process;

    public WebServer()
    {
        Root = Path.Combine(Path.GetTempPath(), "ecobid-web-" + Guid.NewGuid().ToString("N")[..10]);
        DataDirectory = Path.Combine(Root, "data");
        Directory.CreateDirectory(DataDirectory);
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        Api = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "ecobid.db");

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string Url => BaseAddress.ToString().TrimEnd('/');

    /// <summary>An HTTP client for arranging data through the API (never for what a test asserts about pages).</summary>
    public HttpClient Api { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The server's build output (src/EcoBid.Server/bin/…), which carries the web client's asset manifest.</summary>
    public static string ServerDirectory
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = here.Parent?.Parent?.Name ?? "Release";
            var root = here;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "EcoBid.slnx")))
            {
                root = root.Parent;
            }

            var built = root is null ? null : Path.Combine(root.FullName, "src", "EcoBid.Server", "bin", configuration, "net10.0");
            return built is not null && File.Exists(Path.Combine(built, "ecobid.dll")) ? built : AppContext.BaseDirectory;
        }
    }

    public async Task StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = Command(["--urls", Url]);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var ready = await Api.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The server did not start:\n" + Log);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Registers, confirms by the token in the emailed link, and returns the person's email.</summary>
    public async Task<string> SignUpAsync(string displayName, string? email = null)
    {
        email ??= $"{displayName.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid():N}"[..(displayName.Length + 13)] + "@example.com";
        var registered = await Api.PostAsJsonAsync("/auth/register", new { email, password = Password, displayName });
        registered.EnsureSuccessStatusCode();
        var token = await MailTokenAsync(email, "verify-email");
        (await Api.PostAsJsonAsync("/auth/verify-email", new { token })).EnsureSuccessStatusCode();
        return email;
    }

    /// <summary>An access token for arranging data through the API as that person.</summary>
    public async Task<string> AccessTokenAsync(string email)
    {
        var response = await Api.PostAsJsonAsync("/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Waits (bounded) for the email to <paramref name="email"/> with a link to <paramref name="path"/> and returns its token.</summary>
    public async Task<string> MailTokenAsync(string email, string path)
    {
        var folder = Path.Combine(DataDirectory, "mail");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml").OrderDescending(StringComparer.Ordinal))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase)
                        && TokenLink().Matches(text).FirstOrDefault(m => m.Groups["path"].Value == path) is { } match)
                    {
                        return match.Groups["token"].Value;
                    }
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No {path} email reached {email}.");
    }

    /// <summary>`ecobid users make-admin --email …` against the running server's data folder.</summary>
    public async Task MakeAdminAsync(string email)
    {
        using var process = Process.Start(Command(["users", "make-admin", "--email", email]))!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, output);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Api.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private ProcessStartInfo Command(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = ServerDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(ServerDirectory, "ecobid.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ECOBID_DATA_DIR"] = DataDirectory;
        start.Environment["PublicUrl"] = Url;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        // Every browser of a test comes from 127.0.0.1: lift the per-address limits meant for the public.
        start.Environment["RateLimits__AuthPerAddressPerMinute"] = "100000";
        start.Environment["RateLimits__PerAddressPerSecond"] = "100000";
        // Auctions short enough to watch close within a test.
        start.Environment["Auctions__MinDuration"] = "00:00:05";
        return start;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"/(?<path>verify-email|reset-password)\?token=(?<token>[A-Za-z0-9_\-]+)")]
    private static partial Regex TokenLink();
}
