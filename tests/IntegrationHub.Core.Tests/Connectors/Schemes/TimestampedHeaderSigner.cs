using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Schemes;

/// <summary>Signs as the vendors of the <c>t=&lt;seconds&gt;,v1=&lt;hex&gt;</c> header do (<see cref="TimestampedSignatureHeader"/>:
/// Stripe, Calendly): each <c>v1</c> the hex HMAC-SHA256 of <c>{t}.{body}</c> keyed by the secret's UTF-8 text.</summary>
/// <param name="Connection">The connection the test deliveries are posted to.</param>
/// <param name="Header">The signature header.</param>
public sealed record TimestampedHeaderSigner(string Connection, string Header)
{
    /// <summary>The <c>v1</c> signature of <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    public static string Digest(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body)));

    /// <summary>A delivery of <paramref name="body"/> signed with <paramref name="secret"/> at <paramref name="sentAt"/>.</summary>
    public WebhookRequest Sign(string secret, DateTimeOffset sentAt, string body)
    {
        var t = sentAt.ToUnixTimeSeconds();
        return Request(body, $"t={t},v1={Digest(secret, t, body)}");
    }

    /// <summary>A delivery of <paramref name="body"/> whose signature header is <paramref name="header"/> (none when null).</summary>
    public WebhookRequest Request(string body, string? header) => WebhookRequests.Post(Connection, body, (Header, header));
}
