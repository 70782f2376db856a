using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite;

/// <summary>Schema steps, applied under the write gate on the writer connection.</summary>
public sealed partial class SqliteDatabase
{
    /// <summary>Applies every script not applied yet, in version order per component, each in its own transaction.</summary>
    public async Task MigrateAsync(IEnumerable<SchemaScript> scripts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var all = RuntimeSchema.Scripts.Concat(scripts).OrderBy(s => s.Component == RuntimeSchema.Component ? 0 : 1).ThenBy(s => s.Component, StringComparer.Ordinal).ThenBy(s => s.Version);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = await WriterAsync(cancellationToken);
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT NOT NULL, version INTEGER NOT NULL, applied_at INTEGER NOT NULL, PRIMARY KEY (component, version));", cancellationToken);
            foreach (var script in all)
            {
                await ApplyAsync(connection, script, cancellationToken);
            }
        }
        finally
        {
            ReleaseGate();
        }
    }

    /// <summary>Applies one script in its own transaction, unless it is recorded as applied already.</summary>
    private async Task ApplyAsync(SqliteConnection connection, SchemaScript script, CancellationToken cancellationToken)
    {
        if (script.RebuildsTables)
        {
            // Only outside a transaction does this take effect.
            await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF;", cancellationToken);
        }

        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var applied = connection.CreateCommand();
            applied.Transaction = transaction;
            applied.CommandText = "SELECT COUNT(*) FROM schema_versions WHERE component = $c AND version = $v";
            applied.Parameters.AddWithValue("$c", script.Component);
            applied.Parameters.AddWithValue("$v", script.Version);
            if (Convert.ToInt64(await applied.ExecuteScalarAsync(cancellationToken)) > 0)
            {
                return;
            }

            await using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = script.Sql + "\nINSERT INTO schema_versions (component, version, applied_at) VALUES ($c, $v, $t);";
            apply.Parameters.AddWithValue("$c", script.Component);
            apply.Parameters.AddWithValue("$v", script.Version);
            apply.Parameters.AddWithValue("$t", _clock.GetUtcNow().ToUnixTimeMilliseconds());
            await apply.ExecuteNonQueryAsync(cancellationToken);
            if (script.RebuildsTables)
            {
                await using var keys = connection.CreateCommand();
                keys.Transaction = transaction;
                keys.CommandText = "PRAGMA foreign_key_check";
                await using var reader = await keys.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException(
                        $"Schema step {script.Component} v{script.Version} would leave a row of {reader.GetString(0)} pointing at a missing row of {reader.GetString(2)}.");
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (script.RebuildsTables)
            {
                await ExecuteAsync(connection, "PRAGMA foreign_keys = ON;", CancellationToken.None);
            }
        }
    }
}
