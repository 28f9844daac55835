using IntegrationHub.Cli.Bench;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Shopify;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Connectors.Stripe;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class BenchDeliveriesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private static readonly IOptions<HubOptions> Hub = Options.Create(new HubOptions());
    private static readonly BenchPerson Person = BenchPerson.For("run1", "7", 7);

    public static TheoryData<string, string> Providers => new()
    {
        { StandardWebhooksProvider.Id, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
        { ShopifyProvider.Id, "shpss_bench_secret" },
        { StripeProvider.Id, "whsec_stripe_bench_secret" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Create_EachProvider_TheHubVerifiesItAndFindsThePerson(string provider, string secret)
    {
        var connection = new BenchConnection("bench", provider, secret);
        using var request = BenchDeliveries.Create(connection, "bench_run1_7", Person, At);
        var webhook = await ToWebhookAsync(request);
        var options = new ConnectionOptions { Provider = provider, Secrets = [secret] };

        var verification = Verifier(provider).Verify(webhook, options, At);
        var normalised = Normaliser(provider).Normalise(
            new ArchivedDelivery("bench", provider, verification.DeliveryIdFor(webhook.Body.Span), At, webhook.Headers, webhook.Body.ToArray()), options);

        Assert.True(verification.IsValid, verification.Problem?.Detail);
        Assert.Equal("bench_run1_7", verification.DeliveryIdFor(webhook.Body.Span));
        var single = Assert.Single(normalised.Events);
        Assert.Equal(Person.Email, single.Person?.Email);
        Assert.Equal("api/webhooks/bench", request.RequestUri!.OriginalString);
    }

    [Fact]
    public async Task Create_WrongSecret_TheHubRefusesIt()
    {
        using var request = BenchDeliveries.Create(new BenchConnection("bench", ShopifyProvider.Id, "shpss_one"), "d1", Person, At);
        var webhook = await ToWebhookAsync(request);

        var verification = new ShopifyVerifier().Verify(webhook, new ConnectionOptions { Provider = ShopifyProvider.Id, Secrets = ["shpss_other"] }, At);

        Assert.False(verification.IsValid);
    }

    [Fact]
    public void For_SameKey_SamePersonOnExampleDotCom()
    {
        Assert.Equal(BenchPerson.For("r", "3", 3), BenchPerson.For("r", "3", 3));
        Assert.EndsWith("@example.com", BenchPerson.For("r", "3", 3).Email, StringComparison.Ordinal);
        Assert.NotEqual(BenchPerson.For("r", "3", 3).Email, BenchPerson.For("r", "4", 4).Email);
    }

    private static async Task<WebhookRequest> ToWebhookAsync(HttpRequestMessage request)
    {
        var headers = request.Headers.Concat(request.Content!.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = await request.Content.ReadAsByteArrayAsync();
        return new WebhookRequest("bench", "POST", new Uri("http://127.0.0.1:7071/api/webhooks/bench"), headers, body);
    }

    private static IWebhookVerifier Verifier(string provider) => provider switch
    {
        StandardWebhooksProvider.Id => new StandardWebhooksVerifier(Hub),
        ShopifyProvider.Id => new ShopifyVerifier(),
        _ => new StripeVerifier(Hub),
    };

    private static IEventNormaliser Normaliser(string provider) => provider switch
    {
        StandardWebhooksProvider.Id => new StandardWebhooksNormaliser(Hub),
        ShopifyProvider.Id => new ShopifyNormaliser(Hub),
        _ => new StripeNormaliser(Hub),
    };
}
