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
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Core.Connectors;

/// <summary>The catalogue: every provider the hub can hear, in one place.</summary>
public static class ConnectorRegistrations
{
    public static IServiceCollection AddConnectors(this IServiceCollection services)
    {
        services.AddConnector<StandardWebhooksVerifier, StandardWebhooksNormaliser>(StandardWebhooksProvider.Id);
        services.AddConnector<StripeVerifier, StripeNormaliser>(StripeProvider.Id);
        services.AddConnector<ShopifyVerifier, ShopifyNormaliser>(ShopifyProvider.Id);
        services.AddConnector<SegmentVerifier, SegmentNormaliser>(SegmentProvider.Id);
        services.AddConnector<TypeformVerifier, TypeformNormaliser>(TypeformProvider.Id);

        // Verified exactly as their vendors sign; normalisers land with the rest of the connector catalogue.
        services.AddVerifier<HubSpotVerifier>();
        services.AddVerifier<MailchimpVerifier>();
        services.AddVerifier<MarketoVerifier>();
        services.AddVerifier<IntercomVerifier>();
        services.AddVerifier<ZendeskVerifier>();
        services.AddVerifier<SendGridVerifier>();
        services.AddVerifier<MailgunVerifier>();
        services.AddVerifier<TwilioVerifier>();
        services.AddVerifier<SlackVerifier>();
        services.AddVerifier<MetaVerifier>();
        services.AddVerifier<CalendlyVerifier>();
        return services;
    }
}
