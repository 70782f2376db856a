using EcoBid.Events.Storage;

namespace EcoBid.Events.Sqlite.Tests;

public sealed class SqliteDatabaseWriteTests
{
    private static readonly AsyncLocal<string?> Ambient = new();

    [Fact]
    public async Task A_write_commits_its_rows_and_returns_its_result()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();

        var result = await test.Database.WriteAsync(async scope =>
        {
            await using var command = scope.Command("INSERT INTO notes (text) VALUES ($text)", ("$text", "one"));
            return await command.ExecuteNonQueryAsync();
        });

        result.ShouldBe(1);
        (await test.ScalarAsync("SELECT COUNT(*) FROM notes")).ShouldBe(1);
    }

    [Fact]
    public async Task A_write_that_throws_changes_nothing()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => test.Database.WriteAsync<int>(async scope =>
        {
            await using var command = scope.Command("INSERT INTO notes (text) VALUES ('lost')");
            await command.ExecuteNonQueryAsync();
            throw new InvalidOperationException("fails after its insert");
        }));

        (await test.ScalarAsync("SELECT COUNT(*) FROM notes")).ShouldBe(0);
    }

    [Fact]
    public async Task Concurrent_writes_commit_together_yet_fail_alone()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        using var release = new SemaphoreSlim(0);

        // The first write holds the writer until the others have queued up behind it, so they share one commit.
        var first = test.Database.WriteAsync(async scope =>
        {
            await release.WaitAsync();
            await using var command = scope.Command("INSERT INTO notes (text) VALUES ('first')");
            return await command.ExecuteNonQueryAsync();
        });
        var writes = Enumerable.Range(0, 20).Select(i => test.Database.WriteAsync(async scope =>
        {
            await using var command = scope.Command("INSERT INTO notes (text) VALUES ($text)", ("$text", $"note {i}"));
            await command.ExecuteNonQueryAsync();
            return i % 5 == 3 ? throw new InvalidOperationException($"write {i} fails") : i;
        })).ToList();
        release.Release();

        (await first).ShouldBe(1);
        for (var i = 0; i < writes.Count; i++)
        {
            if (i % 5 == 3)
            {
                (await Should.ThrowAsync<InvalidOperationException>(writes[i])).Message.ShouldBe($"write {i} fails");
            }
            else
            {
                (await writes[i]).ShouldBe(i);
            }
        }

        (await test.ScalarAsync("SELECT COUNT(*) FROM notes")).ShouldBe(1 + 16);
        (await test.ScalarAsync("SELECT COUNT(*) FROM notes WHERE text IN ('note 3', 'note 8', 'note 13', 'note 18')")).ShouldBe(0);
    }

    [Fact]
    public async Task A_write_run_by_another_caller_sees_its_own_callers_context()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        using var release = new SemaphoreSlim(0);

        Ambient.Value = "holder";
        var holder = test.Database.WriteAsync(async _ =>
        {
            await release.WaitAsync();
            return Ambient.Value;
        });
        var queued = Enumerable.Range(0, 5).Select(i => Task.Run(() =>
        {
            Ambient.Value = $"caller {i}";
            return test.Database.WriteAsync(_ => Task.FromResult(Ambient.Value));
        })).ToList();
        await Task.Delay(50);
        release.Release();

        (await holder).ShouldBe("holder");
        for (var i = 0; i < queued.Count; i++)
        {
            (await queued[i]).ShouldBe($"caller {i}");
        }
    }

    [Fact]
    public async Task A_publish_lands_in_the_outbox_with_its_transaction_and_wakes_the_relay()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        test.Signals.Outbox.Reset();

        await test.Database.WriteAsync(async scope =>
        {
            await scope.PublishAsync(SqliteTestDatabase.Envelope("a"));
            await scope.PublishAsync(SqliteTestDatabase.Envelope("b"));
            return true;
        });
        await Should.ThrowAsync<InvalidOperationException>(() => test.Database.WriteAsync<bool>(async scope =>
        {
            await scope.PublishAsync(SqliteTestDatabase.Envelope("c"));
            throw new InvalidOperationException("rolled back");
        }));

        (await test.ScalarAsync("SELECT COUNT(*) FROM outbox")).ShouldBe(2);
        (await test.Signals.Outbox.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task Cached_commands_keep_their_parameter_names_and_order()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();

        await test.Database.WriteAsync(async scope =>
        {
            var sqlite = SqliteWriteScope.Of(scope);
            for (var i = 0; i < 3; i++)
            {
                await sqlite.Prepared("INSERT INTO notes (text) VALUES ($text)", ("$text", $"n{i}")).ExecuteNonQueryAsync();
            }

            Should.Throw<InvalidOperationException>(() => sqlite.Prepared("INSERT INTO notes (text) VALUES ($text)", ("$other", "x")));
            return true;
        });
        await test.Database.WriteAsync(async scope =>
            await SqliteWriteScope.Of(scope).Prepared("INSERT INTO notes (text) VALUES ($text)", ("$text", "next transaction")).ExecuteNonQueryAsync());

        (await test.ScalarAsync("SELECT COUNT(*) FROM notes")).ShouldBe(4);
    }
}
