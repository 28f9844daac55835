// Compile-only stand-in for Microsoft.Azure.Functions.Worker.Extensions.Timer 4.3.1 (TimerTriggerAttribute, TimerInfo, ScheduleStatus). Data carriers hold their values.
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Attribute used to mark a function that should be invoked periodically based on a timer schedule.</summary>
public sealed class TimerTriggerAttribute : TriggerBindingAttribute
{
    public TimerTriggerAttribute(string schedule)
    {
        Schedule = schedule;
        UseMonitor = true;
    }

    public string Schedule { get; private set; }

    public bool UseMonitor { get; set; }

    public bool RunOnStartup { get; set; }
}

/// <summary>Provides access to timer schedule information for jobs triggered by <see cref="TimerTriggerAttribute"/>.</summary>
public class TimerInfo
{
    public ScheduleStatus? ScheduleStatus { get; set; }

    public bool IsPastDue { get; set; }
}

/// <summary>Represents a timer schedule status.</summary>
public class ScheduleStatus
{
    public DateTime Last { get; set; }

    public DateTime Next { get; set; }

    public DateTime LastUpdated { get; set; }
}
