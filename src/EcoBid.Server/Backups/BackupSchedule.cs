using EcoBid.Events.Scheduling;

namespace EcoBid.Server.Backups;

/// <summary>
/// The <c>Backup</c> schedule of <c>rules/schedules.json</c>, with <c>Backups:Schedule</c> applied: a new expression
/// replaces the file's, <c>off</c> removes the schedule.
/// </summary>
public static class BackupSchedule
{
    public const string Name = "Backup";

    public static ScheduleSet Apply(ScheduleSet schedules, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[$"{BackupOptions.Section}:{nameof(BackupOptions.Schedule)}"]?.Trim();
        if (BackupOptions.StateIsOnPostgres(configuration))
        {
            // There is no file to copy: PostgreSQL's own tools back its state up.
            return new ScheduleSet([.. schedules.Schedules.Where(s => s.Name != Name)]);
        }

        if (string.IsNullOrEmpty(configured))
        {
            return schedules;
        }

        if (configured.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return new ScheduleSet([.. schedules.Schedules.Where(s => s.Name != Name)]);
        }

        ScheduleExpression expression;
        try
        {
            expression = ScheduleExpression.Parse(configured);
        }
        catch (InvalidScheduleExpressionException ex)
        {
            throw new InvalidOperationException($"Backups:Schedule '{configured}' is not a schedule expression: {ex.Message}", ex);
        }

        var existing = schedules.Find(Name);
        var backup = existing is null
            ? new ScheduleDefinition(Name, "Backs up the database and data files (Backups:Schedule).", expression, TimeZoneInfo.Utc, null, null)
            : existing with { Expression = expression };
        return new ScheduleSet([.. schedules.Schedules.Where(s => s.Name != Name), backup]);
    }
}
