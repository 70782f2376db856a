using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Server.Backups;
using EcoBid.Server.Tests.Crash;
using EcoBid.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EcoBid.Server.Tests.Backups;

/// <summary>
/// The real executable under write load: <c>ecobid backup create</c> runs beside the server while four clients post
/// items, and the backup, restored into a fresh folder, holds every write acknowledged before the backup's point,
/// each with its event, and nothing half-written; a server started on it finishes the pipeline's work.
/// </summary>
[Trait("Category", "Crash")]
public sealed class BackupUnderLoadTests(ITestOutputHelper output)
{
    private const int Writers = 4;
    private static readonly string[] Targets = ["ProcessNewItem", "Index", "Moderate", "NotifyNearbyUsers", "UpdateStats"];

    [Fact]
    public async Task A_backup_taken_under_write_load_restores_every_acknowledged_write_up_to_its_point_and_nothing_half_written()
    {
        await using var server = ServerProcess.Create();
        await using var restored = ServerProcess.Create();
        var backups = Path.Combine(server.RootDirectory, "backups");
        var acknowledged = new ConcurrentDictionary<string, (string Id, DateTimeOffset At)>(StringComparer.Ordinal);
        try
        {
            await server.StartAsync();
            await server.SignUpAdminAsync();
            using var stop = new CancellationTokenSource();
            using var client = server.CreateClient();
            var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(() => WriteAsync(client, w, acknowledged, stop.Token))).ToArray();

            await Eventually.TrueAsync(() => Task.FromResult(acknowledged.Count >= 150), seconds: 60, what: "150 writes are acknowledged");
            var (code, text) = await server.RunCliAsync("backup", "create", "--to", backups);
            code.ShouldBe(0, text);
            var afterBackup = acknowledged.Count;
            await Eventually.TrueAsync(() => Task.FromResult(acknowledged.Count >= afterBackup + 100), seconds: 60, what: "writes go on after the backup");
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            await server.StopAsync();

            var folder = Directory.GetDirectories(backups).ShouldHaveSingleItem();
            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")), BackupWriter.Json)!;
            var before = acknowledged.Where(a => a.Value.At < manifest.SnapshotAt).ToDictionary(a => a.Key, a => a.Value.Id, StringComparer.Ordinal);
            var after = acknowledged.Count(a => a.Value.At > manifest.CreatedAt);
            output.WriteLine($"{acknowledged.Count} writes acknowledged, {before.Count} before the backup's point {manifest.SnapshotAt:O}, {after} after it was written");
            before.Count.ShouldBeGreaterThanOrEqualTo(150);
            after.ShouldBeGreaterThan(0);

            (code, text) = await server.RunCliAsync("backup", "verify", folder);
            code.ShouldBe(0, text);
            text.ShouldContain("sound");
            (code, text) = await server.RunCliAsync("backup", "restore", folder, "--data-dir", restored.DataDirectory);
            code.ShouldBe(0, text);

            var file = await RestoredFile.ReadAsync(restored.DatabasePath);
            file.IntegrityCheck.ShouldBe("ok");
            before.Where(a => !file.ItemTitlesById.ContainsKey(a.Value)).Select(a => a.Key).ShouldBeEmpty("acknowledged before the backup's point, yet missing");
            file.ItemTitlesById.Count.ShouldBeLessThan(acknowledged.Count, "writes acknowledged after the backup was written cannot be in it");
            var events = file.ItemCreatedItemIds.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            file.ItemTitlesById.Keys.Where(id => events.GetValueOrDefault(id) != 1).ShouldBeEmpty("items without exactly one ItemCreated (half-written)");
            events.Keys.Where(id => !file.ItemTitlesById.ContainsKey(id)).ShouldBeEmpty("ItemCreated events without their item (half-written)");
            file.QueuedEventsNotArchived.ShouldBeEmpty("queued messages whose event is not archived");

            // The restored server picks up where the copy left off: the outbox and queues drain, every target handles every item.
            await restored.StartAsync();
            await WaitUntilDrainedAsync(restored.DatabasePath);
            await restored.StopAsync();
            var snapshot = await PipelineSnapshot.ReadAsync(restored.DatabasePath);
            snapshot.Items.Count.ShouldBe(file.ItemTitlesById.Count);
            snapshot.Items.Where(i => i.ProcessedAt is null || i.Moderation == "pending").ShouldBeEmpty("items the restored server did not finish");
            foreach (var target in Targets)
            {
                snapshot.Inbox.Count(r => r.Consumer == target).ShouldBe(snapshot.ArchivedItemCreated.Count, target);
            }
        }
        catch
        {
            server.KeepRootDirectory = true;
            restored.KeepRootDirectory = true;
            output.WriteLine($"kept {server.RootDirectory} and {restored.RootDirectory}");
            output.WriteLine(server.LogTail());
            output.WriteLine(restored.LogTail());
            throw;
        }
    }

    private static async Task WriteAsync(HttpClient client, int writer, ConcurrentDictionary<string, (string Id, DateTimeOffset At)> acknowledged, CancellationToken stop)
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var title = $"Backup load {writer}.{n}";
            try
            {
                using var response = await client.PostAsJsonAsync("items", Requests.Item(title: title, mode: n % 2 == 0 ? "free" : "auction"), stop);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var id = (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
                    acknowledged[title] = (id, DateTimeOffset.UtcNow);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task WaitUntilDrainedAsync(string databasePath)
    {
        await Eventually.TrueAsync(async () =>
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            var left = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
                "SELECT (SELECT COUNT(*) FROM outbox) + (SELECT COUNT(*) FROM queue_messages WHERE dead_lettered_at IS NULL)");
            return left == 0;
        }, seconds: 60, what: "the restored server drains the outbox and queues");
    }
}
