using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace IntegrationHub.Benchmarks;

/// <summary>The benchmark thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), for <c>--cpu-time</c>: on a machine
/// other work shares, wall-clock iterations also count the time the thread waited for a core, which swamps calls of a
/// few microseconds; CPU time counts only the time the thread ran. What it cannot remove is the caches and memory
/// bandwidth other work shares.</summary>
internal sealed partial class ThreadCpuClock : IClock
{
    private const int ThreadCpuTimeClockId = 3;

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp()
    {
        ClockGetTime(ThreadCpuTimeClockId, out var time);
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
