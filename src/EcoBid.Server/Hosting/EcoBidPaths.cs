namespace EcoBid.Server.Hosting;

/// <summary>Where EcoBid keeps its files: <c>ECOBID_DATA_DIR</c> (default <c>./data</c>) and the rules file.</summary>
public static class EcoBidPaths
{
    public const string DataDirKey = "ECOBID_DATA_DIR";

    public static string DataDir(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[DataDirKey];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
    }

    public static string DatabasePath(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["Sqlite:Path"] is { Length: > 0 } path ? Path.GetFullPath(path) : Path.Combine(DataDir(configuration), "ecobid.db");
    }

    public static string RulesPath(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["Rules:Path"] is { Length: > 0 } path ? Path.GetFullPath(path) : Path.Combine(AppContext.BaseDirectory, "rules", "rules.json");
    }

    public static string SchedulesPath(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["Schedules:Path"] is { Length: > 0 } path ? Path.GetFullPath(path) : Path.Combine(AppContext.BaseDirectory, "rules", "schedules.json");
    }
}
