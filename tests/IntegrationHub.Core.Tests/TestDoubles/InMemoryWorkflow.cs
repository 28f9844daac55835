using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Matching;
using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Core.Webhooks;
using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.TestDoubles;

/// <summary>The process-event workflow over in-memory stores, for two Standard Webhooks connections,
/// <see cref="Shop"/> and <see cref="Crm"/>. Every <see cref="ProcessEventSteps"/> it builds shares its stores, so a
/// test can run deliveries under one configuration and then another against the same state.</summary>
public sealed class InMemoryWorkflow
{
    public const string Shop = "shop";
    public const string Crm = "crm";

    /// <summary>When every delivery is received, and the event time of one archived without its own.</summary>
    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public InMemoryWorkflow()
    {
        Graph = new InMemoryIdentityGraphStore(Profiles);
        Resolver = new IdentityResolver(
            Graph, IdentifierPolicy.Default, SurvivorshipRules.Default, Timeline, NullLogger<IdentityResolver>.Instance,
            new RebuiltProfileChanges(Profiles, Changes, TimeProvider.System));
        Linker = new ProbabilisticLinker(Graph, Resolver, TimeProvider.System);
    }

    public InMemoryDeliveryArchive Archive { get; } = new();
    public InMemoryProfileStore Profiles { get; } = new();
    public InMemoryIdentityGraphStore Graph { get; }
    public InMemoryTimelineStore Timeline { get; } = new();
    public InMemoryUnmappedEventLog Unmapped { get; } = new();
    public InMemoryProfileChangePublisher Changes { get; } = new();
    public InMemoryMatchBlockIndex Blocks { get; } = new();
    public InMemorySuggestionStore Suggestions { get; } = new();
    public IdentityResolver Resolver { get; }
    public ProbabilisticLinker Linker { get; }

    /// <summary>The workflow's steps under <paramref name="hub"/> (to which the two connections are added) and
    /// <paramref name="matching"/>; with no <paramref name="model"/>, matching is off.</summary>
    public ProcessEventSteps CreateSteps(HubOptions? hub = null, MatchingOptions? matching = null, MatchModel? model = null)
    {
        hub ??= new HubOptions();
        hub.Connections[Shop] = new ConnectionOptions { Provider = StandardWebhooksProvider.Id, Secrets = ["whsec_AAAA"] };
        hub.Connections[Crm] = new ConnectionOptions { Provider = StandardWebhooksProvider.Id, Secrets = ["whsec_BBBB"] };
        var catalog = new ConnectorCatalog(
            [new StandardWebhooksVerifier(Options.Create(hub))],
            [new StandardWebhooksNormaliser(Options.Create(hub))]);
        return new ProcessEventSteps(
            new TestOptionsMonitor<HubOptions>(hub), catalog, Archive, Resolver, SurvivorshipRules.Default, Profiles, Timeline,
            Unmapped, Changes, CreateMatcher(hub, matching ?? new MatchingOptions(), model));
    }

    /// <summary>A matcher over these stores; with no <paramref name="model"/>, matching is off.</summary>
    public ProfileMatcher CreateMatcher(HubOptions hub, MatchingOptions matching, MatchModel? model) =>
        new(new FixedMatchModel(model), Options.Create(matching), Options.Create(hub), Graph, Profiles, Blocks, Suggestions, Linker,
            TimeProvider.System, NullLogger<ProfileMatcher>.Instance);

    /// <summary>Archives a Standard Webhooks envelope around <paramref name="data"/>, received at <see cref="T0"/> and
    /// stamped <paramref name="at"/> (<see cref="T0"/> when not given).</summary>
    public Task ArchiveAsync(string connection, string deliveryId, string data, string type = "contact.updated", DateTimeOffset? at = null)
    {
        var body = $$"""{"type":"{{type}}","timestamp":"{{(at ?? T0):O}}","data":{{data}}}""";
        return Archive.AddAsync(new ArchivedDelivery(
            connection, StandardWebhooksProvider.Id, deliveryId, T0, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body)));
    }

    /// <summary>Archives the delivery, then runs the workflow on it with <paramref name="steps"/>.</summary>
    public async Task<ProcessEventResult> DeliverAsync(
        ProcessEventSteps steps, string connection, string deliveryId, string data, string type = "contact.updated", DateTimeOffset? at = null)
    {
        await ArchiveAsync(connection, deliveryId, data, type, at);
        return await ProcessEventWorkflow.RunAsync(steps, new ProcessEventInput(connection, deliveryId));
    }
}
