using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Cli.Serve;

/// <summary>The standalone worker: section <c>Hub:Worker</c>.</summary>
internal sealed class DeliveryWorkerOptions
{
    public const string SectionName = "Hub:Worker";

    /// <summary>Messages processed at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>How long a received message stays hidden from other receivers while it is processed.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Deliveries of one message before it is moved to the poison queue (Service Bus's MaxDeliveryCount).</summary>
    [Range(1, 100)]
    public int MaxDeliveryCount { get; set; } = 5;

    /// <summary>The longest pause between polls of an empty queue.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A warning is logged while the oldest waiting message is older than this.</summary>
    public TimeSpan OldestMessageWarningAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the queue's health is looked at for that warning.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
