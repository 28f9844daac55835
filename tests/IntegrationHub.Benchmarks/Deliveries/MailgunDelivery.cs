using System.Globalization;
using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Mailgun;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;
using static IntegrationHub.Benchmarks.Payload;

namespace IntegrationHub.Benchmarks.Deliveries;

/// <summary>Mailgun signs inside the body, and only <c>timestamp + token</c>: the primitive is that one small HMAC, so
/// the body's size shows only in finding the <c>signature</c> object (first in the body, as Mailgun sends it).</summary>
public static class MailgunDelivery
{
    private const string Key = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
    private const string Token = "5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6";

    public static SignedDelivery Create(int bytes)
    {
        var seconds = SignedDelivery.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Utf8(seconds + Token);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(Key), signed));
        var body = Sized(bytes, "{\"signature\":{\"token\":\"" + Token + "\",\"timestamp\":\"" + seconds + "\",\"signature\":\"" + signature
            + "\"},\"event-data\":{\"event\":\"delivered\",\"recipient\":\"ada@example.com\",\"delivery-status\":{\"message\":\"{FILL}\"}}}");
        return new SignedDelivery(
            new MailgunVerifier(Options.Create(new HubOptions())),
            new WebhookRequest("mail", "POST", new Uri("https://hub.example.com/api/webhooks/mail"), Headers(), Utf8(body)),
            new ConnectionOptions { Provider = MailgunProvider.Id, Secrets = [Key] },
            Primitive.HmacSha256(Utf8(Key), signed));
    }
}
