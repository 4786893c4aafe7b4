using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AgentSpec.Benchmarks;

/// <summary>
/// CPU time in seconds. On Linux it is the calling thread's CPU time read with clock_gettime (nanosecond resolution;
/// with workstation non-concurrent GC, collections run on this thread and are included, while background JIT
/// compilation is not). Elsewhere it falls back to the process's CPU time (Process.TotalProcessorTime, which on
/// Linux counts 10 ms clock ticks, too coarse for samples of a few tens of ms).
/// </summary>
internal static class CpuClock
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID

    private static readonly bool Precise = OperatingSystem.IsLinux() && TryRead(out _);

    public static string Source => Precise ? "clock_gettime(CLOCK_THREAD_CPUTIME_ID)" : "Process.TotalProcessorTime";

    public static double Now()
    {
        if (Precise && TryRead(out var seconds))
        {
            return seconds;
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static bool TryRead(out double seconds)
    {
        seconds = 0;
        try
        {
            if (clock_gettime(ThreadCpuTimeClock, out var time) != 0)
            {
                return false;
            }

            seconds = time.Seconds + (time.Nanoseconds / 1e9);
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
