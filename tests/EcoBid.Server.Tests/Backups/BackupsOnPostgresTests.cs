using System.Net;
using EcoBid.Server.Backups;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Backups;

/// <summary>
/// With the state on PostgreSQL there is no file to copy: the Backup schedule is left out and a request for a backup is
/// refused, naming PostgreSQL's own tools, even when a schedule is configured.
/// </summary>
public sealed class BackupsOnPostgresTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().OnPostgres().With("Backups:Schedule", "rate(1 hour)");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task There_is_no_backup_schedule_and_a_request_is_refused_naming_pg_dump()
    {
        var (_, admin) = await _app.SignUpAdminAsync();

        var schedules = await (await admin.GetAsync("/admin/schedules")).ReadJsonAsync();
        schedules.GetProperty("schedules").EnumerateArray().ShouldNotContain(s => s.GetProperty("name").GetString() == BackupSchedule.Name);

        var refused = await admin.PostAsync("/admin/backups", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await refused.ReadJsonAsync();
        problem.GetProperty("detail").GetString().ShouldBe(BackupOptions.PostgresMessage);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM backup_runs")).ShouldBe(0);
    }
}
