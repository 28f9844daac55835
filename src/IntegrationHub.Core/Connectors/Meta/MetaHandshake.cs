using System.Security.Cryptography;
using System.Text;
using System.Web;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Meta;

/// <summary>Answers Meta's subscription check: a GET with <c>hub.mode=subscribe</c>, <c>hub.verify_token</c> and
/// <c>hub.challenge</c>. When the token equals the connection's <c>VerifyToken</c> setting (compared in constant time),
/// the challenge is echoed as plain text; otherwise the check is refused with 403.</summary>
public sealed class MetaHandshake : IWebhookHandshake
{
    public const string ModeParameter = "hub.mode";
    public const string VerifyTokenParameter = "hub.verify_token";
    public const string ChallengeParameter = "hub.challenge";
    public const string SubscribeMode = "subscribe";

    /// <summary>Meta's challenge is an integer; anything this long is not Meta's.</summary>
    private const int MaxChallengeLength = 128;

    public string Provider => MetaProvider.Id;

    public HandshakeResult Respond(WebhookRequest request, ConnectionOptions connection)
    {
        if (!connection.Settings.TryGetValue(MetaProvider.VerifyTokenSetting, out var expected) || string.IsNullOrEmpty(expected))
        {
            return Refused($"The connection has no {MetaProvider.VerifyTokenSetting} setting, so no subscription check can be answered.");
        }
        var query = HttpUtility.ParseQueryString(request.Url.Query);
        if (query[ModeParameter] != SubscribeMode)
        {
            return Refused($"{ModeParameter} must be '{SubscribeMode}'.");
        }
        if (query[VerifyTokenParameter] is not { } token || !TokensEqual(token, expected))
        {
            return Refused($"{VerifyTokenParameter} does not match the connection's {MetaProvider.VerifyTokenSetting}.");
        }
        // The challenge is echoed into a response body, so only a plain token is echoed back (Meta sends an integer).
        if (query[ChallengeParameter] is not { Length: > 0 and <= MaxChallengeLength } challenge
            || !challenge.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return Refused($"{ChallengeParameter} must be a plain token of letters and digits, as Meta sends.");
        }
        return HandshakeResult.Accepted(challenge);
    }

    private static HandshakeResult Refused(string detail) => HandshakeResult.Refused(WebhookProblem.HandshakeRefused(detail));

    /// <summary>Compares SHA-256 digests in constant time, so neither the content nor the length of the configured
    /// token leaks through timing.</summary>
    private static bool TokensEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
