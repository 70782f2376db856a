using System.Diagnostics;

namespace EcoBid.Bench;

/// <summary>
/// CPU time this process has used (all threads, user and kernel). On shared cores, CPU per event is steadier than
/// wall-clock rates, which also count the time other processes held the cores.
/// </summary>
internal static class ProcessCpu
{
    public static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
