using System.Globalization;
using System.Text.Json;
using EcoBid.Server.Backups;
using EcoBid.Server.Tests.Alarms;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Backups;

/// <summary>
/// Backups inside the server: the Backup schedule (here a one-off <c>at(…)</c> seconds ahead) through its rule
/// and handler to the runner, a manual request, and the newest <c>Backups:Keep</c> kept.
/// </summary>
public sealed class ScheduledBackupTests : IDisposable
{
    private readonly string _backups = Path.Combine(Path.GetTempPath(), "ecobid-tests", "backups-" + Guid.NewGuid().ToString("N"));
    private readonly string _at = DateTimeOffset.UtcNow.AddSeconds(8).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    private readonly EcoBidApp _app;

    public ScheduledBackupTests()
    {
        // File backups are the embedded store's (BackupsOnPostgresTests has the other side).
        _app = new EcoBidApp()
            .OnSqliteOnly()
            .With("Backups:Directory", _backups)
            .With("Backups:Keep", "2")
            .With("Backups:Schedule", $"at({_at})");
    }

    public void Dispose()
    {
        _app.Dispose();
        if (Directory.Exists(_backups))
        {
            Directory.Delete(_backups, recursive: true);
        }
    }

    [Fact]
    public async Task The_schedule_takes_a_verifiable_backup_a_manual_request_takes_another_and_only_the_newest_are_kept()
    {
        var (_, admin) = await _app.SignUpAdminAsync();
        var schedules = await (await admin.GetAsync("/admin/schedules")).ReadJsonAsync();
        schedules.GetProperty("schedules").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Backup")
            .GetProperty("expression").GetString().ShouldBe($"at({_at})");

        var scheduled = await WaitForRunsAsync(admin, completed: 1);
        scheduled.ShouldHaveSingleItem().GetProperty("trigger").GetString().ShouldBe("schedule");
        var first = scheduled[0].GetProperty("folder").GetString()!;
        var (manifest, problems) = await BackupVerifier.VerifyAsync(first, CancellationToken.None);
        problems.ShouldBeEmpty();
        manifest.SchemaVersions.ShouldContain(new SchemaVersion("backups", 1));
        manifest.Files.ShouldContain(f => f.Path.StartsWith("mail/", StringComparison.Ordinal));
        manifest.Source.ShouldBe(Path.GetFullPath(_app.DataDir));

        for (var i = 0; i < 2; i++)
        {
            var accepted = await admin.PostAsync("/admin/backups", null);
            accepted.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);
            (await accepted.ReadJsonAsync()).GetProperty("trigger").GetString().ShouldBe("manual");
            await WaitForRunsAsync(admin, completed: 2 + i);
        }

        var listing = await (await admin.GetAsync("/admin/backups")).ReadJsonAsync();
        var kept = listing.GetProperty("backups").EnumerateArray().Select(b => b.GetString()!).ToList();
        kept.Count.ShouldBe(2);
        Directory.Exists(first).ShouldBeFalse("the oldest backup is pruned");
        var newest = listing.GetProperty("runs")[0];
        kept[0].ShouldBe(Path.GetFileName(newest.GetProperty("folder").GetString()));
    }

    private static async Task<List<JsonElement>> WaitForRunsAsync(HttpClient admin, int completed)
    {
        List<JsonElement> runs = [];
        await Eventually.TrueAsync(async () =>
        {
            runs = [.. (await (await admin.GetAsync("/admin/backups")).ReadJsonAsync()).GetProperty("runs").EnumerateArray()];
            runs.ShouldNotContain(r => r.GetProperty("status").GetString() == "failed");
            return runs.Count(r => r.GetProperty("status").GetString() == "completed") == completed;
        }, seconds: 30, what: $"{completed} backups are completed");
        return runs;
    }
}
