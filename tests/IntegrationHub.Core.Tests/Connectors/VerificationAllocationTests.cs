using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Mailchimp;
using IntegrationHub.Core.Connectors.Mailgun;
using IntegrationHub.Core.Connectors.Meta;
using IntegrationHub.Core.Connectors.Segment;
using IntegrationHub.Core.Connectors.Slack;
using IntegrationHub.Core.Connectors.Stripe;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors;

/// <summary>Verifying a valid delivery allocates nothing on the HMAC paths (issue 3): keys go on the stack, signed
/// content in pooled buffers, and a valid result whose id is not in hand is a shared instance. The benchmark
/// (tests/IntegrationHub.Benchmarks) measures the same; this keeps it from regressing unseen.</summary>
public sealed class VerificationAllocationTests
{
    private const string Secret = "whsec_test_secret_0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    private static readonly IOptions<HubOptions> Options = Microsoft.Extensions.Options.Options.Create(new HubOptions());
    private static readonly string Body = """{"id":"evt_1","type":"customer.created","event_id":"Ev1","messageId":"m-1","data":{"email":"ada@example.com"}}""";

    public static TheoryData<string> Providers() => [StripeProvider.Id, SlackProvider.Id, MetaProvider.Id, SegmentProvider.Id, MailchimpProvider.Id, MailgunProvider.Id];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_ValidDelivery_AllocatesNothing(string provider)
    {
        var (verifier, request) = Signed(provider);
        var connection = new ConnectionOptions { Provider = provider, Secrets = ["retired-secret", Secret] };
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
        _ => (new MailgunVerifier(Options), Request(MailgunBody())),
    };

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
        "c", "POST", new Uri("https://hub.example.test/api/webhooks/c"),
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase), Bytes(body));
}
