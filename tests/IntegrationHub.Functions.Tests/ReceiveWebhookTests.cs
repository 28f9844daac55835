using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Slack;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Webhooks;
using IntegrationHub.Functions.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IntegrationHub.Functions.Tests;

public sealed class ReceiveWebhookTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SlackSecret = "8f742231b10e8888abcd99functions0";
    private const string Body = """{"type":"contact.created","timestamp":"2026-11-20T10:00:00Z","data":{"email":"ada@example.com"}}""";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IDeliveryArchive> _archive = new();
    private readonly Mock<IDeliveryQueue> _queue = new();

    [Fact]
    public async Task Run_SignedDelivery_Archives_Enqueues_Answers202()
    {
        _archive.Setup(a => a.AddAsync(It.IsAny<ArchivedDelivery>(), It.IsAny<CancellationToken>())).ReturnsAsync(ArchiveOutcome.Added);
        var context = Request("shop", "msg_1", Sign("msg_1", Body));

        var (status, body) = await HttpTriggers.ExecuteAsync(CreateSut().Run(context.Request, "shop", CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status202Accepted, status);
        Assert.Equal("msg_1", body.RootElement.GetProperty("deliveryId").GetString());
        _archive.Verify(a => a.AddAsync(It.Is<ArchivedDelivery>(d => d.DeliveryId == "msg_1" && d.Connection == "shop"), It.IsAny<CancellationToken>()));
        _queue.Verify(q => q.EnqueueAsync(new DeliveryMessage("shop", "msg_1"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Run_WrongSignature_401ProblemAndNothingWritten()
    {
        var context = Request("shop", "msg_1", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        var (status, body) = await HttpTriggers.ExecuteAsync(CreateSut().Run(context.Request, "shop", CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("urn:integrationhub:problem:invalid-signature", body.RootElement.GetProperty("type").GetString());
        _archive.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Run_SlackSignedUrlVerification_200WithTheChallengeAndNothingWritten()
    {
        const string body = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";
        var context = Request("workspace", "unused", "unused");
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Request.Headers[SlackProvider.TimestampHeader] = timestamp;
        context.Request.Headers[SlackProvider.SignatureHeader] = "v0=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));

        var result = await CreateSut().Run(context.Request, "workspace", CancellationToken.None);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("text/plain", context.Response.ContentType, StringComparison.Ordinal);
        context.Response.Body.Position = 0;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await new StreamReader(context.Response.Body).ReadToEndAsync());
        _archive.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
    }

    private ReceiveWebhook CreateSut()
    {
        var hub = new HubOptions();
        hub.Connections["shop"] = new ConnectionOptions { Provider = StandardWebhooksProvider.Id, Secrets = { Secret } };
        hub.Connections["workspace"] = new ConnectionOptions { Provider = SlackProvider.Id, Secrets = { SlackSecret } };
        var options = Mock.Of<IOptionsMonitor<HubOptions>>(m => m.CurrentValue == hub);
        var wrapped = Options.Create(hub);
        var catalog = new ConnectorCatalog(
            [new StandardWebhooksVerifier(wrapped), new SlackVerifier(wrapped)],
            [new StandardWebhooksNormaliser(wrapped), new SlackNormaliser(wrapped)],
            [],
            [new SlackUrlVerification()]);
        var intake = new WebhookIntake(options, catalog, _archive.Object, _queue.Object, _time, NullLogger<WebhookIntake>.Instance);
        return new ReceiveWebhook(intake, options);
    }

    private string Sign(string id, string body)
    {
        var key = StandardWebhooksVerifier.SecretKey(Secret)!;
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return "v1," + Convert.ToBase64String(StandardWebhooksVerifier.Sign(key, id, timestamp, Encoding.UTF8.GetBytes(body)));
    }

    private DefaultHttpContext Request(string connection, string id, string signature)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        };
        context.Request.Method = "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("hub.example.com");
        context.Request.Path = $"/api/webhooks/{connection}";
        context.Request.Headers["webhook-id"] = id;
        context.Request.Headers["webhook-timestamp"] = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Request.Headers["webhook-signature"] = signature;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Body));
        context.Response.Body = new MemoryStream();
        return context;
    }
}
