// Compile-only stand-in for Microsoft.Azure.Functions.Worker.Extensions.DurableTask 1.19.0 (OrchestrationTriggerAttribute, ActivityTriggerAttribute, DurableClientAttribute). Attributes hold their values.
using System.Diagnostics;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Trigger attribute used for durable orchestrator functions.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
[DebuggerDisplay("{Orchestration}")]
public sealed class OrchestrationTriggerAttribute : TriggerBindingAttribute
{
    public string? Orchestration { get; set; }
}

/// <summary>Trigger attribute used for durable activity functions.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
[DebuggerDisplay("{Activity}")]
public sealed class ActivityTriggerAttribute : TriggerBindingAttribute
{
    public string? Activity { get; set; }
}

/// <summary>Binds a function parameter to a Durable Task client object.</summary>
public sealed class DurableClientAttribute : InputBindingAttribute
{
    public string? TaskHub { get; set; }

    public string? ConnectionName { get; set; }
}
