using EcoBid.Events.Storage;

namespace EcoBid.Events.Sqlite.Tests;

/// <summary><see cref="SqliteDatabase.CheckpointAsync"/>: the WAL goes back into the file beside the writer, not inside a commit.</summary>
public sealed class SqliteCheckpointTests
{
    [Fact]
    public async Task A_checkpoint_copies_every_committed_frame_and_then_the_log_starts_over()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        await InsertAsync(test, 200);

        var first = await test.Database.CheckpointAsync(CancellationToken.None);

        first.ShouldNotBeNull();
        first.Value.LogFrames.ShouldBeGreaterThan(0);
        first.Value.CheckpointedFrames.ShouldBe(first.Value.LogFrames);
        (await test.Database.CheckpointAsync(CancellationToken.None)).ShouldBeNull("nothing committed since");

        await InsertAsync(test, 1);
        var second = await test.Database.CheckpointAsync(CancellationToken.None);
        second.ShouldNotBeNull();
        second.Value.LogFrames.ShouldBeLessThan(first.Value.LogFrames, "the write after a complete checkpoint starts the log over");
        (await test.ScalarAsync("SELECT COUNT(*) FROM notes")).ShouldBe(201);
    }

    [Fact]
    public async Task A_checkpoint_does_not_wait_for_an_open_write_and_the_write_still_commits()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        await InsertAsync(test, 50);
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = test.Database.WriteAsync(async scope =>
        {
            await using var command = scope.Command("INSERT INTO notes (text) VALUES ('while checkpointing')");
            await command.ExecuteNonQueryAsync();
            inside.SetResult();
            await release.Task;
            return 0;
        });
        await inside.Task;

        var checkpoint = test.Database.CheckpointAsync(CancellationToken.None);
        var finished = await Task.WhenAny(checkpoint, Task.Delay(TimeSpan.FromSeconds(5)));

        finished.ShouldBe(checkpoint, "a passive checkpoint must not wait for the writer");
        (await checkpoint).ShouldNotBeNull();
        release.SetResult();
        await write;
        (await test.ScalarAsync("SELECT COUNT(*) FROM notes")).ShouldBe(51);
    }

    private static Task InsertAsync(SqliteTestDatabase test, int rows) =>
        test.Database.WriteAsync(async scope =>
        {
            for (var i = 0; i < rows; i++)
            {
                await using var command = scope.Command("INSERT INTO notes (text) VALUES ($text)", ("$text", new string('x', 500)));
                await command.ExecuteNonQueryAsync();
            }

            return rows;
        });
}
