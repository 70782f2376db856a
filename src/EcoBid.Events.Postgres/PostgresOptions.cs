namespace EcoBid.Events.Postgres;

/// <summary>Where the scale-out database is (configuration section <c>Postgres</c>).</summary>
public sealed class PostgresOptions
{
    public const string Section = "Postgres";

    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Database=ecobid;Username=ecobid;Password=…</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>How many statements per connection Npgsql prepares on its own once they repeat (its <c>Max Auto Prepare</c>).</summary>
    public int MaxAutoPrepare { get; set; } = 128;
}
