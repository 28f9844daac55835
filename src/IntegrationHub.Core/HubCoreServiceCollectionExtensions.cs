using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Core.Webhooks;
using IntegrationHub.Core.Workflows.ProcessEvent;
using IntegrationHub.Core.Workflows.Replay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core;

public static class HubCoreServiceCollectionExtensions
{
    /// <summary>Registers the hub's host-independent services: options (sections <c>Hub</c> and <c>Hub:Identity</c>,
    /// validated on start), the identifier policy and survivorship rules they configure,
    /// connectors, intake, the process-event and replay steps and the profile queries.</summary>
    public static IServiceCollection AddHubCore(this IServiceCollection services)
    {
        services.AddOptions<HubOptions>()
            .BindConfiguration(HubOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HubOptions>>(sp =>
            new HubOptionsValidator(sp.GetServices<ConnectorDescriptor>().Select(c => c.Provider)));
        services.AddOptions<IdentityOptions>()
            .BindConfiguration(IdentityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        services.AddSingleton(sp => new IdentifierPolicy(
            sp.GetRequiredService<IOptions<IdentityOptions>>().Value, sp.GetRequiredService<IOptions<HubOptions>>().Value.DefaultPhoneRegion));
        services.AddSingleton(sp => SurvivorshipRules.From(sp.GetRequiredService<IOptions<IdentityOptions>>().Value));

        services.TryAddSingleton(TimeProvider.System);
        services.AddConnectors();
        services.AddSingleton<ConnectorCatalog>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<RebuiltProfileChanges>();
        services.AddSingleton<IdentityResolver>();
        services.AddSingleton<ProcessEventSteps>();
        services.AddSingleton<ReplaySteps>();
        services.AddSingleton<ProfileQueries>();
        services.AddHubMatching();
        return services;
    }

    /// <summary>Probabilistic matching in the pipeline (section <c>Hub:Matching</c>, validated on start): the matching
    /// step, the linker and the operators' review queue. The model itself comes from the host's storage side.</summary>
    private static IServiceCollection AddHubMatching(this IServiceCollection services)
    {
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MatchingOptions>, MatchingOptionsValidator>();
        services.AddSingleton<ProbabilisticLinker>();
        services.AddSingleton<ProfileMatcher>();
        services.AddSingleton<Suggestions>();
        return services;
    }

    /// <summary>Registers one provider's verifier and normaliser under its provider id: connections may then use it.</summary>
    public static IServiceCollection AddConnector<TVerifier, TNormaliser>(this IServiceCollection services, string provider)
        where TVerifier : class, IWebhookVerifier
        where TNormaliser : class, IEventNormaliser
    {
        services.AddVerifier<TVerifier>();
        services.AddSingleton(new ConnectorDescriptor(provider));
        services.AddSingleton<IEventNormaliser, TNormaliser>();
        return services;
    }

    /// <summary>Registers a verifier whose normaliser is not written yet: <c>hub webhooks verify</c> can use it, but no
    /// connection can name the provider until the whole connector is registered.</summary>
    public static IServiceCollection AddVerifier<TVerifier>(this IServiceCollection services)
        where TVerifier : class, IWebhookVerifier =>
        services.AddSingleton<IWebhookVerifier, TVerifier>();
}
