using System.Diagnostics;

namespace OpsBot.Bench;

/// <summary>The process's peak working set (VmHWM on Linux), in MiB.</summary>
public static class PeakMemory
{
    public static double ReadMiB()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>
    /// Resets the peak so it covers what comes next only (the queries, not the data set build).
    /// Linux only (<c>/proc/self/clear_refs</c>); elsewhere the peak keeps covering the whole process.
    /// </summary>
    public static bool TryReset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
