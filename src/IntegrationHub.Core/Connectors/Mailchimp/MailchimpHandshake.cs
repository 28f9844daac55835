using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Mailchimp;

/// <summary>Answers the GET Mailchimp's webhook validator sends when a webhook URL is saved: 200 with an empty body, but
/// only when the URL carries the connection's secret token (the same query parameter and constant-time check as
/// <see cref="MailchimpVerifier"/>), so the URL does not confirm to strangers that it is a live endpoint.</summary>
public sealed class MailchimpHandshake : IWebhookHandshake
{
    public string Provider => MailchimpProvider.Id;

    public HandshakeResult Respond(WebhookRequest request, ConnectionOptions connection)
    {
        var parameter = connection.Settings.GetValueOrDefault(MailchimpProvider.QueryTokenSetting) is { Length: > 0 } configured
            ? configured
            : MailchimpProvider.DefaultQueryToken;
        var offered = SharedSecretToken.FromQuery(request.Url, parameter);
        if (offered.IsEmpty)
        {
            return HandshakeResult.Refused(WebhookProblem.HandshakeRefused(
                $"The URL has no '{parameter}' query parameter (Mailchimp's shared secret token)."));
        }
        return SharedSecretToken.MatchesAny(offered, connection.Secrets)
            ? HandshakeResult.Accepted("")
            : HandshakeResult.Refused(WebhookProblem.HandshakeRefused(
                $"The '{parameter}' query parameter matches no configured secret."));
    }
}
