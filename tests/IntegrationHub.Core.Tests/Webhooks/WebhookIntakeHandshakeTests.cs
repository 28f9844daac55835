using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Tests.TestDoubles;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IntegrationHub.Core.Tests.Webhooks;

public sealed class WebhookIntakeHandshakeTests
{
    private readonly Mock<IDeliveryArchive> _archive = new(MockBehavior.Strict);
    private readonly Mock<IDeliveryQueue> _queue = new(MockBehavior.Strict);

    [Fact]
    public void Handshake_ProviderWithHandshake_AnswersWithItsTextAndWritesNothing()
    {
        var sut = CreateSut(new EchoHandshake());

        var result = sut.Handshake(Get("shop", "?challenge=abc"));

        Assert.True(result.IsAccepted);
        Assert.Equal("abc", result.Text);
    }

    [Fact]
    public void Handshake_ProviderWithout_405()
    {
        var sut = CreateSut();

        var result = sut.Handshake(Get("shop", ""));

        Assert.Equal(405, result.Problem?.Status);
        Assert.Equal("urn:integrationhub:problem:handshake-not-supported", result.Problem?.Type);
    }

    [Fact]
    public void Handshake_UnknownConnection_404()
    {
        var sut = CreateSut(new EchoHandshake());

        var result = sut.Handshake(Get("nobody", "?challenge=abc"));

        Assert.Equal(404, result.Problem?.Status);
    }

    private WebhookIntake CreateSut(params IWebhookHandshake[] handshakes)
    {
        var hub = new HubOptions();
        hub.Connections["shop"] = new ConnectionOptions { Provider = StandardWebhooksProvider.Id, Secrets = { "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" } };
        var options = Options.Create(hub);
        var catalog = new ConnectorCatalog(
            [new StandardWebhooksVerifier(options)], [new StandardWebhooksNormaliser(options)], handshakes);
        return new WebhookIntake(
            new TestOptionsMonitor<HubOptions>(hub), catalog, _archive.Object, _queue.Object, new FakeTimeProvider(), NullLogger<WebhookIntake>.Instance);
    }

    private static WebhookRequest Get(string connection, string query) => new(
        connection, "GET", new Uri($"https://hub.example.com/api/webhooks/{connection}{query}"),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), ReadOnlyMemory<byte>.Empty);

    /// <summary>Echoes the <c>challenge</c> query parameter, as vendors' subscription checks expect.</summary>
    private sealed class EchoHandshake : IWebhookHandshake
    {
        public string Provider => StandardWebhooksProvider.Id;

        public HandshakeResult Respond(WebhookRequest request, ConnectionOptions connection) =>
            HandshakeResult.Accepted(System.Web.HttpUtility.ParseQueryString(request.Url.Query)["challenge"] ?? "");
    }
}
