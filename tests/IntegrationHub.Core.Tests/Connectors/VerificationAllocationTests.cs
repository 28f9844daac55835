using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Calendly;
using IntegrationHub.Core.Connectors.HubSpot;
using IntegrationHub.Core.Connectors.Intercom;
using IntegrationHub.Core.Connectors.Mailchimp;
using IntegrationHub.Core.Connectors.Mailgun;
using IntegrationHub.Core.Connectors.Meta;
using IntegrationHub.Core.Connectors.Marketo;
using IntegrationHub.Core.Connectors.Segment;
using IntegrationHub.Core.Connectors.Shopify;
using IntegrationHub.Core.Connectors.Slack;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Connectors.Stripe;
using IntegrationHub.Core.Connectors.Twilio;
using IntegrationHub.Core.Connectors.Typeform;
using IntegrationHub.Core.Connectors.Zendesk;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors;

/// <summary>Verifying a valid delivery allocates nothing on the HMAC paths (issue 3): each thread keeps its keyed HMAC
/// contexts, signed pieces are hashed where they lie, and a result — even one carrying a header's id — is a value. The
/// benchmark (tests/IntegrationHub.Benchmarks) measures the same; this keeps it from regressing unseen.</summary>
public sealed class VerificationAllocationTests
{
    private const string Secret = "whsec_test_secret_0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    private static readonly IOptions<HubOptions> Options = Microsoft.Extensions.Options.Options.Create(new HubOptions());
    private static readonly string Body = """{"id":"evt_1","type":"customer.created","event_id":"Ev1","messageId":"m-1","data":{"email":"ada@example.com"}}""";

    private const string StandardWebhooksSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Url = "https://hub.example.test/api/webhooks/c";

    public static TheoryData<string> Providers() =>
    [
        StripeProvider.Id, SlackProvider.Id, MetaProvider.Id, SegmentProvider.Id, MailchimpProvider.Id, MailgunProvider.Id,
        ShopifyProvider.Id, ZendeskProvider.Id, StandardWebhooksProvider.Id, TwilioProvider.Id, HubSpotProvider.Id,
        "hubspot v2", CalendlyProvider.Id, TypeformProvider.Id, IntercomProvider.Id, MarketoProvider.Id,
    ];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_ValidDelivery_AllocatesNothing(string provider)
    {
        var (verifier, request) = Signed(provider);
        var connection = new ConnectionOptions
        {
            Provider = verifier.Provider,
            Secrets = ["retired-secret", provider == StandardWebhooksProvider.Id ? StandardWebhooksSecret : Secret],
        };
        connection.Settings[MarketoProvider.TokenHeaderSetting] = "X-Marketo-Token";
        Assert.True(verifier.Verify(request, connection, Now).IsValid);

        // The least of a few rounds: a pool trimmed by a collection in between may cost one rent, never every round.
        var least = long.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10; i++)
            {
                verifier.Verify(request, connection, Now);
            }
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, least);
    }

    private static (IWebhookVerifier Verifier, WebhookRequest Request) Signed(string provider) => provider switch
    {
        StripeProvider.Id => (new StripeVerifier(Options), Request(Body,
            (StripeProvider.SignatureHeader, $"t={Timestamp},v1={Hex(HMACSHA256.HashData(Key, Bytes($"{Timestamp}.{Body}")))}"))),
        SlackProvider.Id => (new SlackVerifier(Options), Request(Body,
            (SlackProvider.SignatureHeader, "v0=" + Hex(HMACSHA256.HashData(Key, Bytes($"v0:{Timestamp}:{Body}")))),
            (SlackProvider.TimestampHeader, Timestamp))),
        MetaProvider.Id => (new MetaVerifier(), Request(Body,
            (MetaProvider.SignatureHeader, "sha256=" + Hex(HMACSHA256.HashData(Key, Bytes(Body)))))),
#pragma warning disable CA5350 // HMAC-SHA1 is Segment's scheme.
        SegmentProvider.Id => (new SegmentVerifier(), Request(Body,
            (SegmentProvider.SignatureHeader, Hex(HMACSHA1.HashData(Key, Bytes(Body)))))),
#pragma warning restore CA5350
        MailchimpProvider.Id => (new MailchimpVerifier(), Request("type=subscribe&data%5Bemail%5D=ada%40example.com") with
        {
            Url = new Uri($"https://hub.example.test/api/webhooks/list?token={Secret}"),
        }),
        MailgunProvider.Id => (new MailgunVerifier(Options), Request(MailgunBody())),
        ShopifyProvider.Id => (new ShopifyVerifier(), Request(Body,
            (ShopifyProvider.SignatureHeader, Convert.ToBase64String(HMACSHA256.HashData(Key, Bytes(Body)))),
            (ShopifyProvider.WebhookIdHeader, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"))),
        ZendeskProvider.Id => (new ZendeskVerifier(Options), Request(Body,
            (ZendeskProvider.SignatureHeader, Convert.ToBase64String(HMACSHA256.HashData(Key, Bytes("2026-11-23T09:30:00Z" + Body)))),
            (ZendeskProvider.TimestampHeader, "2026-11-23T09:30:00Z"),
            (ZendeskProvider.InvocationIdHeader, "8350205123"))),
        StandardWebhooksProvider.Id => (new StandardWebhooksVerifier(Options), Request(Body,
            ("webhook-id", "msg_1"), ("webhook-timestamp", Timestamp),
            ("webhook-signature", "v1," + Convert.ToBase64String(StandardWebhooksVerifier.Sign(
                StandardWebhooksVerifier.SecretKey(StandardWebhooksSecret)!, "msg_1", Timestamp, Bytes(Body)))))),
#pragma warning disable CA5350 // HMAC-SHA1 is Twilio's and Intercom's scheme.
        TwilioProvider.Id => (new TwilioVerifier(), Request("Body=Hi+there&From=%2B14155550100",
            (TwilioProvider.SignatureHeader, Convert.ToBase64String(HMACSHA1.HashData(Key, Bytes(Url + "BodyHi thereFrom+14155550100")))),
            (TwilioProvider.IdempotencyTokenHeader, "a6c3c7b1d2e0f4a8-1"))),
        IntercomProvider.Id => (new IntercomVerifier(), Request(Body,
            (IntercomProvider.SignatureHeader, "sha1=" + Hex(HMACSHA1.HashData(Key, Bytes(Body)))))),
#pragma warning restore CA5350
        HubSpotProvider.Id => (new HubSpotVerifier(Options), Request(Body,
            (HubSpotProvider.SignatureV3Header, Convert.ToBase64String(HMACSHA256.HashData(Key, Bytes("POST" + Url + Body + Milliseconds)))),
            (HubSpotProvider.TimestampHeader, Milliseconds))),
        "hubspot v2" => (new HubSpotVerifier(Options), Request(Body,
            (HubSpotProvider.SignatureHeader, Hex(SHA256.HashData(Bytes(Secret + "POST" + Url + Body)))),
            (HubSpotProvider.SignatureVersionHeader, "v2"))),
        CalendlyProvider.Id => (new CalendlyVerifier(Options), Request(Body,
            (CalendlyProvider.SignatureHeader, $"t={Timestamp},v1={Hex(HMACSHA256.HashData(Key, Bytes($"{Timestamp}.{Body}")))}"))),
        TypeformProvider.Id => (new TypeformVerifier(), Request(Body,
            (TypeformProvider.SignatureHeader, "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Key, Bytes(Body)))))),
        _ => (new MarketoVerifier(), Request(Body, ("X-Marketo-Token", Secret))),
    };

    private static string Milliseconds => Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static string MailgunBody()
    {
        const string token = "5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6";
        var signature = Hex(HMACSHA256.HashData(Key, Bytes(Timestamp + token)));
        return $$$"""{"signature":{"token":"{{{token}}}","timestamp":"{{{Timestamp}}}","signature":"{{{signature}}}"},"event-data":{"event":"delivered"}}""";
    }

    private static byte[] Key => Bytes(Secret);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Hex(byte[] mac) => Convert.ToHexStringLower(mac);

    private static WebhookRequest Request(string body, params (string Name, string Value)[] headers) => new(
        "c", "POST", new Uri(Url),
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase), Bytes(body));
}
