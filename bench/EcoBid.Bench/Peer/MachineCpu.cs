using System.Globalization;

namespace EcoBid.Bench.Peer;

/// <summary>
/// CPU time the whole machine spent busy (every process, user and kernel), from the first line of <c>/proc/stat</c>:
/// it counts PostgreSQL and RabbitMQ too, which the process's own CPU time does not, so two systems that move work
/// between the application and the servers are compared on what they cost in all. Idle and I/O wait are not busy.
/// </summary>
internal static class MachineCpu
{
    public static TimeSpan Busy()
    {
        var first = File.ReadLines("/proc/stat").First();
        var ticks = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: steal is other machines' time, guest is already inside user.
        var busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
        // USER_HZ is 100 on Linux.
        return TimeSpan.FromMilliseconds(busy * 10.0);
    }
}
