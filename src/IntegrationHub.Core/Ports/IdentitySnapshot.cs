using IntegrationHub.Core.Identity;

namespace IntegrationHub.Core.Ports;

/// <summary>What <see cref="IIdentityGraphStore.LoadAsync"/> read: a partial, closed <see cref="IdentityGraphState"/>.
/// A store derives from it to remember the versions of the rows it read, which <see cref="IIdentityGraphStore.CommitAsync"/>
/// checks.</summary>
public record IdentitySnapshot(IdentityGraphState State);
