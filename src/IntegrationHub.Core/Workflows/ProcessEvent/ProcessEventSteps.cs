using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>The step services themselves: each is idempotent, so a retried or replayed step changes nothing twice.</summary>
public sealed class ProcessEventSteps(
    IOptionsMonitor<HubOptions> options,
    ConnectorCatalog catalog,
    IDeliveryArchive archive,
    IIdentityIndex identities,
    IProfileStore profiles,
    ITimelineStore timeline,
    IUnmappedEventLog unmapped,
    IProfileChangePublisher changes) : IProcessEventSteps
{
    public async Task<NormalisedDelivery> NormaliseAsync(ProcessEventInput input)
    {
        var delivery = await archive.GetAsync(input.Connection, input.DeliveryId)
            ?? throw new DeliveryNotFoundException(input.Connection, input.DeliveryId);
        if (!options.CurrentValue.Connections.TryGetValue(input.Connection, out var connection))
        {
            throw new MalformedPayloadException($"Connection '{input.Connection}' is no longer configured.");
        }
        return catalog.Normaliser(delivery.Provider).Normalise(delivery, connection);
    }

    public Task RecordUnmappedAsync(RecordUnmappedInput input) =>
        unmapped.RecordAsync(input.Connection, input.Provider, input.DeliveryId, input.Events);

    public async Task<string> ResolveProfileAsync(ResolveProfileInput input)
    {
        var keys = input.Person.Identifiers(input.Connection);
        if (keys.Count == 0)
        {
            throw new ArgumentException("A person needs at least one identifier.", nameof(input));
        }
        string? profileId = null;
        foreach (var key in keys)
        {
            profileId = await identities.FindAsync(key);
            if (profileId is not null)
            {
                break;
            }
        }
        profileId ??= ProfileIds.For(keys[0]);
        var resolved = await identities.AddIfAbsentAsync(keys[0], profileId);
        foreach (var key in keys.Skip(1))
        {
            await identities.AddIfAbsentAsync(key, resolved);
        }
        return resolved;
    }

    public async Task<MergeProfileResult> MergeProfileAsync(MergeProfileInput input)
    {
        MergeProfileResult result = new(input.ProfileId, []);
        await profiles.UpdateAsync(input.ProfileId, profile =>
        {
            var (merged, fields) = ProfileMerger.Merge(profile, input.Connection, input.Person, input.EventId);
            result = MergeProfileResult.Of(input.ProfileId, merged, fields);
            return merged;
        });
        return result;
    }

    public Task AppendTimelineAsync(AppendTimelineInput input) =>
        timeline.AppendAsync(input.ProfileId, input.Interaction);

    public Task PublishProfileChangedAsync(PublishProfileChangedInput input) =>
        changes.PublishAsync(input.Change);
}
