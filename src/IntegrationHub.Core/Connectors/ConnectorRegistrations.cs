using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Calendly;
using IntegrationHub.Core.Connectors.HubSpot;
using IntegrationHub.Core.Connectors.Intercom;
using IntegrationHub.Core.Connectors.Mailchimp;
using IntegrationHub.Core.Connectors.Mailgun;
using IntegrationHub.Core.Connectors.Marketo;
using IntegrationHub.Core.Connectors.Meta;
using IntegrationHub.Core.Connectors.Segment;
using IntegrationHub.Core.Connectors.SendGrid;
using IntegrationHub.Core.Connectors.Shopify;
using IntegrationHub.Core.Connectors.Slack;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Connectors.Stripe;
using IntegrationHub.Core.Connectors.Twilio;
using IntegrationHub.Core.Connectors.Typeform;
using IntegrationHub.Core.Connectors.Zendesk;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors;

/// <summary>The catalogue: every provider the hub can hear, in one place.</summary>
public static class ConnectorRegistrations
{
    public static IServiceCollection AddConnectors(this IServiceCollection services)
    {
        services.AddConnector<StandardWebhooksVerifier, StandardWebhooksNormaliser>(StandardWebhooksProvider.Id);
        services.AddConnector<HubSpotVerifier, HubSpotNormaliser>(HubSpotProvider.Id);
        services.AddConnector<MailchimpVerifier, MailchimpNormaliser>(MailchimpProvider.Id);
        services.AddConnector<MarketoVerifier, MarketoNormaliser>(MarketoProvider.Id);
        services.AddConnector<SegmentVerifier, SegmentNormaliser>(SegmentProvider.Id);
        services.AddConnector<StripeVerifier, StripeNormaliser>(StripeProvider.Id);
        services.AddConnector<ShopifyVerifier, ShopifyNormaliser>(ShopifyProvider.Id);
        services.AddConnector<IntercomVerifier, IntercomNormaliser>(IntercomProvider.Id);
        services.AddConnector<ZendeskVerifier, ZendeskNormaliser>(ZendeskProvider.Id);
        services.AddConnector<TypeformVerifier, TypeformNormaliser>(TypeformProvider.Id);
        services.AddConnector<SendGridVerifier, SendGridNormaliser>(SendGridProvider.Id);
        services.AddConnector<MailgunVerifier, MailgunNormaliser>(MailgunProvider.Id);
        services.AddConnector<TwilioVerifier, TwilioNormaliser>(TwilioProvider.Id);
        services.AddConnector<SlackVerifier, SlackNormaliser>(SlackProvider.Id);
        services.AddConnector<MetaVerifier, MetaNormaliser>(MetaProvider.Id);
        services.AddConnector<CalendlyVerifier, CalendlyNormaliser>(CalendlyProvider.Id);

        // The GET some vendors send to check a webhook URL before delivering to it.
        services.AddSingleton<IWebhookHandshake, MetaHandshake>();
        services.AddSingleton<IWebhookHandshake, MailchimpHandshake>();

        // The signed POST Slack sends to check a Request URL, answered instead of archived.
        services.AddSingleton<IWebhookChallenge, SlackUrlVerification>();

        // Settings named with the configuration path separator (Marketo's EventType:{type}), bound from their sections.
        services.AddSingleton<IPostConfigureOptions<HubOptions>, NestedConnectionSettings>();

        // Provider settings checked on start. The validators depend on nothing, so validating the hub's options never
        // constructs a connector (connectors read those options).
        services.AddSingleton<IConnectionValidator, MarketoConnectionValidator>();
        services.AddSingleton<IConnectionValidator, MetaConnectionValidator>();
        services.AddSingleton<IValidateOptions<HubOptions>, ConnectionSettingsValidator>();
        return services;
    }
}
