using System.Net.Http.Json;
using EcoBid.Events.Contracts;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// The real server in-process on its own SQLite file in a temporary data folder, with its workers running.
/// Tests wait on the runtime's observed activity, never on sleeps.
/// </summary>
public class EcoBidApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];

    public EcoBidApp()
    {
        DataDir = Path.Combine(Path.GetTempPath(), "ecobid-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDir);
        _settings["ECOBID_DATA_DIR"] = DataDir;
        _settings["Runtime:IdleRecheck"] = "00:00:00.500";

        // Hashing at OWASP's 210,000 iterations is the production default; tests that sign up many people use fewer.
        _settings["Auth:PasswordIterations"] = "1000";

        // Every test client shares one address; the rate-limit tests set their own limits.
        _settings["RateLimits:AuthPerAddressPerMinute"] = "100000";
        _settings["RateLimits:PerAddressPerSecond"] = "100000";

        // ECOBID_TEST_STORAGE=postgres runs every app of the suite on a PostgreSQL schema of its own.
        if (RunsOnPostgres)
        {
            OnPostgres();
        }
    }

    public const string StorageVariable = "ECOBID_TEST_STORAGE";

    /// <summary>Whether this run puts every app on PostgreSQL (<c>ECOBID_TEST_STORAGE=postgres</c>).</summary>
    public static bool RunsOnPostgres => string.Equals(Environment.GetEnvironmentVariable(StorageVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PostgreSQL connection string (with the app's own schema) when the app runs on PostgreSQL.</summary>
    public string? PostgresConnectionString { get => _postgresConnectionString; private set => _postgresConnectionString = value; }

    private string? _postgresConnectionString;

    /// <summary>Puts the app's state on an empty, migrated or new schema of this run's PostgreSQL database (<see cref="PostgresSchemaPool"/>; given back with the app).</summary>
    public EcoBidApp OnPostgres()
    {
        PostgresConnectionString ??= PostgresSchemaPool.TakeAsync().GetAwaiter().GetResult();
        return With("Storage", "postgres").With("Postgres:ConnectionString", PostgresConnectionString);
    }

    /// <summary>
    /// Keeps the app on the embedded SQLite file, also in a run with <c>ECOBID_TEST_STORAGE=postgres</c>: for what only
    /// the embedded store has (file backups; on PostgreSQL its own tools back the state up).
    /// </summary>
    public EcoBidApp OnSqliteOnly()
    {
        if (PostgresConnectionString is { } postgres)
        {
            PostgresSchemaPool.ReturnAsync(postgres).GetAwaiter().GetResult();
            PostgresConnectionString = null;
        }

        _settings.Remove("Storage");
        _settings.Remove("Postgres:ConnectionString");
        return this;
    }

    /// <summary>
    /// Puts the app's state on a fresh schema as <see cref="OnPostgres"/> does, but reaches the server through
    /// <paramref name="port"/> on loopback (a <see cref="TcpRelay"/> a test can cut).
    /// </summary>
    public EcoBidApp OnPostgresThrough(int port)
    {
        PostgresConnectionString ??= PostgresSchemaPool.TakeAsync().GetAwaiter().GetResult();
        var relayed = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString) { Host = "127.0.0.1", Port = port };
        return With("Storage", "postgres").With("Postgres:ConnectionString", relayed.ConnectionString);
    }

    public string DataDir { get; }

    public RuntimeMonitor Monitor => Services.GetRequiredService<RuntimeMonitor>();

    public IEventDatabase Database => Services.GetRequiredService<IEventDatabase>();

    public string MailFolder => Path.Combine(DataDir, "mail");

    /// <summary>The SMTP server the app sends through (<see cref="WithSmtp"/>), or null when it writes to <see cref="MailFolder"/>.</summary>
    public SmtpSink? Smtp { get; private set; }

    /// <summary>A new verified, signed-in person, and an HTTP client that carries their access token.</summary>
    public async Task<(TestUser User, HttpClient Client)> SignUpAsync(string? email = null, string displayName = "Test Person")
    {
        var client = CreateClient();
        var user = await AccountFlow.SignUpAsync(client, AccountTokenAsync, email, displayName);
        return (user, client.Authorize(user.AccessToken));
    }

    /// <summary>
    /// A new signed-in person verified in the database, not by email: for tests whose mail server is down on purpose.
    /// It waits for the verification email to be queued first (the handler queues none for a verified account), so
    /// every such person has one waiting for the server.
    /// </summary>
    public async Task<(TestUser User, HttpClient Client)> SignUpWithoutEmailAsync(string displayName = "Test Person")
    {
        var client = CreateClient();
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var registered = await client.PostAsJsonAsync("/auth/register", new { email, password = AccountFlow.Password, displayName });
        registered.EnsureSuccessStatusCode();
        var id = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        await Eventually.TrueAsync(async () => await Database.CountAsync("SELECT COUNT(*) FROM account_email_outbox WHERE user_id = @id", new { id }) > 0, what: "the verification email is queued");
        await Database.WriteAsync(scope => Dapper.SqlMapper.ExecuteAsync(scope.Connection, "UPDATE users SET email_verified_at = 0 WHERE id = @id", new { id }, scope.Transaction));
        var tokens = await AccountFlow.SignInAsync(client, email);
        var user = new TestUser(id, email, tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("refreshToken").GetString()!);
        return (user, client.Authorize(user.AccessToken));
    }

    /// <summary>The token from the newest account email to <paramref name="email"/> with a link to <paramref name="path"/>, wherever the app sends mail.</summary>
    public Task<string> AccountTokenAsync(string email, string path) => Smtp is { } smtp
        ? AccountFlow.TokenFromSmtpAsync(smtp, email, path)
        : AccountFlow.TokenFromMailAsync(MailFolder, email, path);

    /// <summary>A signed-in admin (made one the way the CLI does, in the database), and their client.</summary>
    public async Task<(TestUser User, HttpClient Client)> SignUpAdminAsync()
    {
        var (user, _) = await SignUpAsync(displayName: "Admin");
        await Database.WriteAsync(scope => Dapper.SqlMapper.ExecuteAsync(scope.Connection, "UPDATE users SET role = 'admin' WHERE id = @Id", new { user.Id }, scope.Transaction));
        var client = CreateClient();
        var tokens = await AccountFlow.SignInAsync(client, user.Email);
        var admin = user with { AccessToken = tokens.GetProperty("accessToken").GetString()!, RefreshToken = tokens.GetProperty("refreshToken").GetString()! };
        return (admin, client.Authorize(admin.AccessToken));
    }

    private HttpClient? _adminClient;

    /// <summary>One signed-in admin client for the whole test (made on first use).</summary>
    public async Task<HttpClient> AdminClientAsync() => _adminClient ??= _settings.GetValueOrDefault("Role") == "api"
        ? await AdminWithoutWorkersAsync()
        : (await SignUpAdminAsync()).Client;

    /// <summary>
    /// With no workers running, or with rules that send no email, no verification email comes, so the account is
    /// verified in the database.
    /// </summary>
    public async Task<HttpClient> AdminWithoutWorkersAsync()
    {
        var client = CreateClient();
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        (await client.PostAsJsonAsync("/auth/register", new { email, password = AccountFlow.Password, displayName = "Admin" })).EnsureSuccessStatusCode();
        await Database.WriteAsync(scope => Dapper.SqlMapper.ExecuteAsync(scope.Connection, "UPDATE users SET role = 'admin', email_verified_at = 0 WHERE email = @email", new { email }, scope.Transaction));
        var tokens = await AccountFlow.SignInAsync(client, email);
        return client.Authorize(tokens.GetProperty("accessToken").GetString()!);
    }

    public EcoBidApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Sends every email, account emails included, to <paramref name="smtp"/>.</summary>
    public EcoBidApp WithSmtp(SmtpSink smtp)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        Smtp = smtp;
        return With("Mail:Smtp:Host", "127.0.0.1").With("Mail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public EcoBidApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Uses a rules file written from <paramref name="json"/> instead of the shipped one.</summary>
    public EcoBidApp WithRules(string json)
    {
        var path = Path.Combine(DataDir, "rules.json");
        File.WriteAllText(path, json);
        return With("Rules:Path", path);
    }

    /// <summary>Waits until <paramref name="count"/> matching activities have been observed.</summary>
    public Task WaitForAsync(Func<RuntimeActivity, bool> predicate, int count = 1, double seconds = 15) =>
        Monitor.WaitForAsync(predicate, TimeSpan.FromSeconds(seconds), count: count);

    public Task WaitForHandledAsync(string eventId, string target) =>
        WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.EventId == eventId && a.Queue == target);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            if (Environment.GetEnvironmentVariable(FileLog.Variable) is { Length: > 0 } logFile)
            {
                logging.SetMinimumLevel(LogLevel.Information).AddProvider(new FileLog(logFile));
                return;
            }

            logging.SetMinimumLevel(LogLevel.Warning);
        });
        builder.ConfigureServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // Dispose runs more than once (the factory's DisposeAsync ends in it too); the schema goes back once.
            if (Interlocked.Exchange(ref _postgresConnectionString, null) is { } postgres)
            {
                PostgresSchemaPool.ReturnAsync(postgres).GetAwaiter().GetResult();
            }

            try
            {
                Directory.Delete(DataDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only costs disk space in the temp folder.
            }
        }
    }
}
