using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Matching.Pipeline;
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
    IdentityResolver identities,
    SurvivorshipRules rules,
    IProfileStore profiles,
    ITimelineStore timeline,
    IUnmappedEventLog unmapped,
    IProfileChangePublisher changes,
    ProfileMatcher matcher) : IProcessEventSteps
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

    public Task<string?> ResolveProfileAsync(ResolveProfileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return identities.ResolveAsync(input.Connection, input.Person, input.Interaction);
    }

    public async Task<MergeProfileResult> MergeProfileAsync(MergeProfileInput input)
    {
        MergeProfileResult result = new(input.ProfileId, []);
        await profiles.UpdateAsync(input.ProfileId, profile =>
        {
            var (merged, fields) = ProfileMerger.Merge(profile, input.Connection, input.Person, input.EventId, rules);
            result = MergeProfileResult.Of(input.ProfileId, merged, fields);
            return merged;
        });
        return result;
    }

    public Task AppendTimelineAsync(AppendTimelineInput input) =>
        timeline.AppendAsync(input.ProfileId, input.Interaction);

    public Task<MatchProfileResult> MatchProfileAsync(MatchProfileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return matcher.MatchAsync(input.ProfileId);
    }

    public Task PublishProfileChangedAsync(PublishProfileChangedInput input) =>
        changes.PublishAsync(input.Change);
}
