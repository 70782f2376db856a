namespace EcoBid.Events.Postgres;

/// <summary>Schema steps, applied once per database however many processes start at the same time.</summary>
public sealed partial class PostgresDatabase
{
    // Any fixed number: the session lock that lets one process at a time migrate the database.
    private const long MigrationLockKey = 0x4563_6f42_6964_0001;

    /// <summary>
    /// Applies every script not applied yet, in version order per component (the runtime first), each in its own
    /// transaction. A session advisory lock makes processes that start together migrate one after the other.
    /// </summary>
    public async Task MigrateAsync(IEnumerable<PostgresSchemaScript> scripts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var all = PostgresRuntimeSchema.Scripts.Concat(scripts)
            .OrderBy(s => s.Component == PostgresRuntimeSchema.Component ? 0 : 1)
            .ThenBy(s => s.Component, StringComparer.Ordinal)
            .ThenBy(s => s.Version)
            .ToList();
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = PostgresCommands.Create(connection, "SELECT pg_advisory_lock(@key)", ("key", MigrationLockKey)))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using (var create = PostgresCommands.Create(
                connection,
                "CREATE TABLE IF NOT EXISTS schema_versions (component text NOT NULL, version integer NOT NULL, applied_at timestamptz NOT NULL, PRIMARY KEY (component, version))"))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var script in all)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var applied = PostgresCommands.Create(
                    connection, "SELECT COUNT(*) FROM schema_versions WHERE component = @c AND version = @v", ("c", script.Component), ("v", script.Version));
                applied.Transaction = transaction;
                if (Convert.ToInt64(await applied.ExecuteScalarAsync(cancellationToken)) > 0)
                {
                    continue;
                }

                await using (var apply = PostgresCommands.Create(connection, script.Sql))
                {
                    apply.Transaction = transaction;
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = PostgresCommands.Create(
                    connection,
                    "INSERT INTO schema_versions (component, version, applied_at) VALUES (@c, @v, @t)",
                    ("c", script.Component), ("v", script.Version), ("t", Clock.GetUtcNow())))
                {
                    record.Transaction = transaction;
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await using var unlock = PostgresCommands.Create(connection, "SELECT pg_advisory_unlock(@key)", ("key", MigrationLockKey));
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
