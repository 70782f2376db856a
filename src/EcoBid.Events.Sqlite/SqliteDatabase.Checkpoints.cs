using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite;

/// <summary>Background WAL checkpoints, on a connection of their own (see <see cref="SqliteCheckpointer"/>).</summary>
public sealed partial class SqliteDatabase
{
    /// <summary>
    /// Copies committed WAL frames back into the database file without blocking the writer (a passive checkpoint on
    /// a connection of its own; see <see cref="SqliteOptions.CheckpointIntervalMilliseconds"/>). Does nothing when no
    /// write has committed since the last one. Not to be called concurrently with itself.
    /// </summary>
    /// <returns>Frames in the log and frames now in the database file, or <c>null</c> when it had nothing to do.</returns>
    public async Task<(long LogFrames, long CheckpointedFrames)?> CheckpointAsync(CancellationToken cancellationToken)
    {
        var commits = Interlocked.Read(ref _commits);
        if (commits == _commitsAtCheckpoint)
        {
            return null;
        }

        if (_checkpointer is null)
        {
            var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "PRAGMA busy_timeout = 10000;", cancellationToken);
            _checkpointer = connection;
        }

        await using var command = _checkpointer.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        _commitsAtCheckpoint = commits;
        return (reader.GetInt64(1), reader.GetInt64(2));
    }
}
