namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// Points the in-process CLI at a running app's state, as an operator's shell would: its data folder, and its
/// PostgreSQL schema when the app runs there (ECOBID_DATA_DIR, Storage, Postgres__ConnectionString). These are
/// process-wide, so a class that uses this belongs to the <c>ProcessEnvironment</c> collection, which runs alone.
/// Disposing puts the earlier values back.
/// </summary>
public sealed class CliEnvironment : IDisposable
{
    private static readonly string[] Variables = ["ECOBID_DATA_DIR", "Storage", "Postgres__ConnectionString"];

    private readonly Dictionary<string, string?> _previous = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    public CliEnvironment(EcoBidApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Environment.SetEnvironmentVariable("ECOBID_DATA_DIR", app.DataDir);
        Environment.SetEnvironmentVariable("Storage", app.PostgresConnectionString is null ? null : "postgres");
        Environment.SetEnvironmentVariable("Postgres__ConnectionString", app.PostgresConnectionString);
    }

    public void Dispose()
    {
        foreach (var (variable, value) in _previous)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }
}
