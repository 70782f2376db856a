namespace EcoBid.Events.Scheduling;

public sealed class ScheduleSet(IReadOnlyList<ScheduleDefinition> schedules)
{
    public static ScheduleSet Empty { get; } = new([]);

    public IReadOnlyList<ScheduleDefinition> Schedules { get; } = schedules;

    public ScheduleDefinition? Find(string name) => Schedules.FirstOrDefault(s => s.Name == name);
}
