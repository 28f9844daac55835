namespace IntegrationHub.Core.Ports;

/// <summary>What <see cref="IDeliveryArchive.AddAsync"/> found.</summary>
public enum ArchiveOutcome
{
    /// <summary>The delivery is new and now archived.</summary>
    Added,

    /// <summary>The delivery was archived before, but its queue message may not have been sent.</summary>
    ExistsNotEnqueued,

    /// <summary>The delivery was archived and queued before: a duplicate.</summary>
    ExistsEnqueued,
}
