using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Mailchimp;
using IntegrationHub.Core.Connectors.Marketo;
using IntegrationHub.Core.Webhooks;
using static IntegrationHub.Benchmarks.Payload;

namespace IntegrationHub.Benchmarks.Deliveries;

/// <summary>Vendors that do not sign (Mailchimp, Marketo): a shared token in the URL or a header. The primitive is the
/// constant-time token check itself — SHA-256 of the offered token and of the secret, compared in constant time — so the
/// body's size does not enter into it.</summary>
public static class TokenDeliveries
{
    private const string Secret = "e2e-list-token-6f1d0c2b9a8e7f6d";

    public static SignedDelivery Mailchimp(int bytes)
    {
        var body = Sized(bytes, "type=subscribe&fired_at=2026-11-23+09%3A30%3A00&data%5Bemail%5D=ada%40example.com&data%5Bmerges%5D%5BNOTES%5D={FILL}").Replace(' ', '+');
        return new SignedDelivery(new MailchimpVerifier(),
            new WebhookRequest("list", "POST", new Uri($"https://hub.example.com/api/webhooks/list?token={Secret}"), Headers(), Utf8(body)),
            new ConnectionOptions { Provider = MailchimpProvider.Id, Secrets = [Secret] },
            TokenCheck());
    }

    public static SignedDelivery Marketo(int bytes)
    {
        var body = Sized(bytes, """{"leadId":"1001","email":"ada@example.com","event":"Lead Created","notes":"{FILL}"}""");
        var connection = new ConnectionOptions { Provider = MarketoProvider.Id, Secrets = [Secret] };
        connection.Settings[MarketoProvider.TokenHeaderSetting] = "X-Marketo-Token";
        return new SignedDelivery(new MarketoVerifier(),
            new WebhookRequest("mkto", "POST", new Uri("https://hub.example.com/api/webhooks/mkto"), Headers(("X-Marketo-Token", Secret)), Utf8(body)),
            connection,
            TokenCheck());
    }

    private static Func<int> TokenCheck()
    {
        var offered = Utf8(Secret);
        var secret = Utf8(Secret);
        var offeredHash = new byte[SHA256.HashSizeInBytes];
        var secretHash = new byte[SHA256.HashSizeInBytes];
        return () =>
        {
            SHA256.HashData(offered, offeredHash);
            SHA256.HashData(secret, secretHash);
            return CryptographicOperations.FixedTimeEquals(offeredHash, secretHash) ? 1 : 0;
        };
    }
}
