using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Mailchimp;

/// <summary>Checks a Mailchimp delivery's shared secret: Mailchimp does not sign, so the webhook URL carries an
/// unguessable token in a query parameter (<c>token</c>, or the one the <c>QueryToken</c> setting names) that must equal
/// one of the connection's secrets. Mailchimp sends no delivery id, so it is derived from the form-encoded body.</summary>
public sealed class MailchimpVerifier : IWebhookVerifier
{
    public string Provider => MailchimpProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var parameter = connection.Settings.GetValueOrDefault(MailchimpProvider.QueryTokenSetting) is { Length: > 0 } configured
            ? configured
            : MailchimpProvider.DefaultQueryToken;
        var offered = SharedSecretToken.FromQuery(request.Url, parameter);
        if (offered.IsEmpty)
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature(
                $"The URL has no '{parameter}' query parameter (Mailchimp's shared secret token)."));
        }
        return SharedSecretToken.MatchesAny(offered, connection.Secrets)
            ? VerificationResult.ValidWithoutId()
            : VerificationResult.Invalid(WebhookProblem.InvalidSignature(
                $"The '{parameter}' query parameter matches no configured secret."));
    }
}
