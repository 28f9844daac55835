using Azure;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>What one range scan of an identifier's rows found.</summary>
/// <param name="Key">The identifier.</param>
/// <param name="PointerETag">The version of its pointer row; null when there is none.</param>
/// <param name="ProfileId">The profile its pointer names; null when none.</param>
/// <param name="MarkedShared">An operator marked it shared.</param>
/// <param name="FoundShared">Its pointer carries the <c>Shared</c> flag: the graph found it shared, or a load past the cap.</param>
/// <param name="Overloaded">It carries more events than the cap, or is flagged shared: its events were not read.</param>
/// <param name="Events">Its events (empty when overloaded).</param>
/// <param name="UnlinkedOn">The events on which an operator unlinked it.</param>
internal sealed record KeyScan(
    IdentityKey Key,
    ETag? PointerETag,
    string? ProfileId,
    bool MarkedShared,
    bool FoundShared,
    bool Overloaded,
    IReadOnlyList<IdentityEvent> Events,
    IReadOnlyList<EventRef> UnlinkedOn);
