using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Integration.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Integration.Tests.Identity;

/// <summary>One worker of the pipeline over real storage: resolve, merge and append, as the process-event workflow
/// runs them.</summary>
public sealed class IdentityWorker(StorageHost storage, IdentifierPolicy? policy = null)
{
    public static readonly DateTimeOffset T0 = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    public IIdentityGraphStore Graph { get; } = storage.Get<IIdentityGraphStore>();

    public IProfileStore Profiles { get; } = storage.Get<IProfileStore>();

    public ITimelineStore Timeline { get; } = storage.Get<ITimelineStore>();

    public IdentityResolver Resolver { get; } = new(
        storage.Get<IIdentityGraphStore>(),
        policy ?? IdentifierPolicy.Default,
        SurvivorshipRules.Default,
        storage.Get<ITimelineStore>(),
        NullLogger<IdentityResolver>.Instance,
        new RebuiltProfileChanges(storage.Get<IProfileStore>(), storage.Get<IProfileChangePublisher>(), TimeProvider.System));

    public static Interaction InteractionFor(string connection, string eventId, PersonTraits person) =>
        new("contact.updated", eventId, person.EventTime, connection, "standard-webhooks", eventId);

    public async Task<string?> ProcessAsync(string connection, string eventId, PersonTraits person)
    {
        var interaction = InteractionFor(connection, eventId, person);
        var profileId = await Resolver.ResolveAsync(connection, person, interaction);
        if (profileId is not null)
        {
            await Profiles.UpdateAsync(profileId, p => ProfileMerger.Merge(p, connection, person, eventId).Profile);
            await Timeline.AppendAsync(profileId, interaction);
        }
        return profileId;
    }
}
