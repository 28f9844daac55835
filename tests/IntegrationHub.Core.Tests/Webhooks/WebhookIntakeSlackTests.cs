using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Slack;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.TestDoubles;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IntegrationHub.Core.Tests.Webhooks;

/// <summary>Intake with a real connector: Slack's signed URL check is answered with its challenge and writes nothing,
/// and deliveries are archived under the id the verifier points to (the vendor's, or one derived from the body).</summary>
public sealed class WebhookIntakeSlackTests
{
    private const string Connection = "workspace";
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private readonly List<ArchivedDelivery> _archived = [];
    private readonly Mock<IDeliveryArchive> _archive = new();
    private readonly Mock<IDeliveryQueue> _queue = new();

    [Fact]
    public async Task AcceptAsync_SignedUrlVerification_AnswersTheChallengeAndWritesNothing()
    {
        var sut = CreateSut();

        var result = await sut.AcceptAsync(Signed($$"""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"{{Challenge}}","type":"url_verification"}"""));

        Assert.True(result.IsAccepted);
        Assert.Equal(Challenge, result.Answer);
        Assert.Null(result.DeliveryId);
        Assert.Empty(_archived);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<DeliveryMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AcceptAsync_UrlVerificationWithWrongSignature_Is401AndNotAnswered()
    {
        var sut = CreateSut();
        var request = Signed($$"""{"challenge":"{{Challenge}}","type":"url_verification"}""", secret: "not-the-secret");

        var result = await sut.AcceptAsync(request);

        Assert.Equal(401, result.Problem?.Status);
        Assert.Null(result.Answer);
        Assert.Empty(_archived);
    }

    [Fact]
    public async Task AcceptAsync_EventCallback_IsArchivedUnderItsEventId()
    {
        var sut = CreateSut();

        var result = await sut.AcceptAsync(Signed(
            """{"token":"x","team_id":"T1","event":{"type":"team_join","user":{"id":"U1"}},"type":"event_callback","event_id":"Ev08MFMKH6","event_time":1714564800}"""));

        Assert.Null(result.Answer);
        Assert.Equal("Ev08MFMKH6", result.DeliveryId);
        Assert.Equal("Ev08MFMKH6", Assert.Single(_archived).DeliveryId);
    }

    [Fact]
    public async Task AcceptAsync_SlashCommand_IsArchivedUnderAnIdDerivedFromTheBody()
    {
        const string body = "command=%2Fweather&text=94070&user_id=U2147483697&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234";
        var sut = CreateSut();

        var result = await sut.AcceptAsync(Signed(body));

        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(body)), result.DeliveryId);
        Assert.Equal(result.DeliveryId, Assert.Single(_archived).DeliveryId);
    }

    private WebhookIntake CreateSut()
    {
        _archive.Setup(a => a.AddAsync(It.IsAny<ArchivedDelivery>(), It.IsAny<CancellationToken>()))
            .Callback((ArchivedDelivery delivery, CancellationToken _) => _archived.Add(delivery))
            .ReturnsAsync(ArchiveOutcome.Added);
        var hub = new HubOptions();
        hub.Connections[Connection] = new ConnectionOptions { Provider = SlackProvider.Id, Secrets = [Secret] };
        var options = Options.Create(hub);
        var catalog = new ConnectorCatalog(
            [new SlackVerifier(options)], [new SlackNormaliser(options)], [], [new SlackUrlVerification()]);
        return new WebhookIntake(
            new TestOptionsMonitor<HubOptions>(hub), catalog, _archive.Object, _queue.Object, new FakeTimeProvider(Now), NullLogger<WebhookIntake>.Instance);
    }

    private static WebhookRequest Signed(string body, string secret = Secret)
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [SlackProvider.SignatureHeader] = "v0=" + signature,
            [SlackProvider.TimestampHeader] = timestamp,
        };
        return new WebhookRequest(Connection, "POST", new Uri($"https://hub.example.test/api/webhooks/{Connection}"), headers, Encoding.UTF8.GetBytes(body));
    }
}
