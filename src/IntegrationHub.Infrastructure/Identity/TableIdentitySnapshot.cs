using Azure;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>A snapshot with the versions of the rows it was read from, which the commit checks.</summary>
/// <param name="Scans">Each identifier read, with its pointer's version and profile id as read.</param>
/// <param name="ProfileETags">Each identity row read, by profile id (null when absent).</param>
internal sealed record TableIdentitySnapshot(
    IdentityGraphState State,
    IReadOnlyDictionary<IdentityKey, KeyScan> Scans,
    IReadOnlyDictionary<string, ETag?> ProfileETags) : IdentitySnapshot(State);
