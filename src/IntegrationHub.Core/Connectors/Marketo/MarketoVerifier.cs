using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Marketo;

/// <summary>Checks a Marketo webhook's shared secret. Marketo does not sign: the customer's webhook definition sends a
/// secret either in a custom header (the <c>TokenHeader</c> setting names it) or in a query parameter of the URL (the
/// <c>QueryToken</c> setting), and exactly one of the two must be configured. Marketo sends no delivery id, so it is
/// derived from the body.</summary>
public sealed class MarketoVerifier : IWebhookVerifier
{
    public string Provider => MarketoProvider.Id;

    /// <summary>Why the connection's settings cannot verify a Marketo delivery, or null when they can; for start-up
    /// validation, so that a misconfigured connection fails before its first delivery.</summary>
    public static string? ConfigurationProblem(ConnectionOptions connection) =>
        HasSetting(connection, MarketoProvider.TokenHeaderSetting) == HasSetting(connection, MarketoProvider.QueryTokenSetting)
            ? $"Set exactly one of Settings:{MarketoProvider.TokenHeaderSetting} and Settings:{MarketoProvider.QueryTokenSetting}."
            : null;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        if (ConfigurationProblem(connection) is { } misconfigured)
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature($"The connection is misconfigured: {misconfigured}"));
        }
        var inHeader = HasSetting(connection, MarketoProvider.TokenHeaderSetting);
        var offered = inHeader
            ? request.Header(connection.Settings[MarketoProvider.TokenHeaderSetting])
            : SharedSecretToken.FromQuery(request.Url, connection.Settings[MarketoProvider.QueryTokenSetting]);
        if (offered.IsEmpty)
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The shared secret is missing: {Where(connection, inHeader)} is absent or empty."));
        }
        return SharedSecretToken.MatchesAny(offered, connection.Secrets)
            ? VerificationResult.ValidWithoutId()
            : VerificationResult.Invalid(WebhookProblem.InvalidSignature($"The shared secret in {Where(connection, inHeader)} matches no configured secret."));
    }

    private static string Where(ConnectionOptions connection, bool inHeader) => inHeader
        ? $"the {connection.Settings[MarketoProvider.TokenHeaderSetting]} header"
        : $"the '{connection.Settings[MarketoProvider.QueryTokenSetting]}' query parameter";

    private static bool HasSetting(ConnectionOptions connection, string key) =>
        !string.IsNullOrWhiteSpace(connection.Settings.GetValueOrDefault(key));
}
