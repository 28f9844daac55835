using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Tests.TestDoubles;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IntegrationHub.Core.Tests.Webhooks;

public sealed class WebhookIntakeTests
{
    private const string Connection = "shop";
    private const string DeliveryId = "msg_2LJz4Q8Vyl0c6m3Xy9kT1hB5aPq";
    private const int MaxBodyBytes = 512;
    private const string Body = """{"type":"contact.updated","timestamp":"2024-05-01T12:00:00Z","data":{"email":"ada@example.com"}}""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 5, TimeSpan.Zero);

    private readonly StandardWebhooksSigner _signer = StandardWebhooksSigner.CreateDefault();
    private readonly Mock<IDeliveryArchive> _archive = new(MockBehavior.Strict);
    private readonly Mock<IDeliveryQueue> _queue = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly List<string> _calls = [];
    private ArchivedDelivery? _archived;

    private WebhookIntake CreateSut(ArchiveOutcome outcome = ArchiveOutcome.Added)
    {
        var hub = new HubOptions { MaxBodyBytes = MaxBodyBytes };
        hub.Connections[Connection] = new ConnectionOptions { Provider = StandardWebhooksProvider.Id, Secrets = [_signer.Secret] };
        var catalog = new ConnectorCatalog(
            [new StandardWebhooksVerifier(Options.Create(hub))],
            [new StandardWebhooksNormaliser(Options.Create(hub))]);
        _archive.Setup(a => a.AddAsync(It.IsAny<ArchivedDelivery>(), It.IsAny<CancellationToken>()))
            .Callback((ArchivedDelivery d, CancellationToken _) => { _archived = d; _calls.Add("archive"); })
            .ReturnsAsync(outcome);
        _archive.Setup(a => a.MarkEnqueuedAsync(Connection, DeliveryId, It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("mark"))
            .Returns(Task.CompletedTask);
        _queue.Setup(q => q.EnqueueAsync(new DeliveryMessage(Connection, DeliveryId), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("enqueue"))
            .Returns(Task.CompletedTask);
        return new WebhookIntake(
            new TestOptionsMonitor<HubOptions>(hub), catalog, _archive.Object, _queue.Object, _time, NullLogger<WebhookIntake>.Instance);
    }

    private WebhookRequest SignedRequest(string body = Body, string connection = Connection) =>
        _signer.Request(connection, DeliveryId, Now, body);

    private void AssertNothingWritten()
    {
        _archive.Verify(a => a.AddAsync(It.IsAny<ArchivedDelivery>(), It.IsAny<CancellationToken>()), Times.Never);
        _archive.Verify(a => a.MarkEnqueuedAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<DeliveryMessage>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(_calls);
    }

    [Fact]
    public async Task AcceptAsync_UnknownConnection_Is404AndWritesNothing()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = await sut.AcceptAsync(SignedRequest(connection: "nowhere"));

        // Assert
        Assert.False(result.IsAccepted);
        Assert.Equal(404, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:unknown-connection", result.Problem.Type);
        AssertNothingWritten();
    }

    [Fact]
    public async Task AcceptAsync_ConnectionNameInOtherCase_NeverStoresASecondSpelling()
    {
        // Arrange: configuration keys ignore case, so /webhooks/SHOP finds the "shop" connection. The archive key, the
        // queue message and (downstream) provenance and external-id keys must then still say "shop": a second
        // spelling defeats dedupe (the same delivery archived and processed twice) and splits identities
        // ("SHOP:cus_1" vs "shop:cus_1"). Refusing the other spelling with 404 would keep the same invariant.
        var sut = CreateSut();
        DeliveryMessage? enqueued = null;
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<DeliveryMessage>(), It.IsAny<CancellationToken>()))
            .Callback((DeliveryMessage m, CancellationToken _) => enqueued = m)
            .Returns(Task.CompletedTask);
        _archive.Setup(a => a.MarkEnqueuedAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        // Act
        var result = await sut.AcceptAsync(SignedRequest(connection: "SHOP"));

        // Assert
        if (result.IsAccepted)
        {
            Assert.Equal(Connection, _archived!.Connection);
            Assert.Equal(new DeliveryMessage(Connection, DeliveryId), enqueued);
            _archive.Verify(a => a.MarkEnqueuedAsync(Connection, DeliveryId, It.IsAny<CancellationToken>()), Times.Once);
        }
        else
        {
            Assert.Equal(404, result.Problem!.Status);
            AssertNothingWritten();
        }
    }

    [Fact]
    public async Task AcceptAsync_BodyOverLimit_Is413AndWritesNothing()
    {
        // Arrange: correctly signed, one byte too many.
        var body = Body[..^1] + ",\"pad\":\"" + new string('x', MaxBodyBytes - Body.Length - 8) + "\"}";
        Assert.Equal(MaxBodyBytes + 1, Encoding.UTF8.GetByteCount(body));
        var sut = CreateSut();

        // Act
        var result = await sut.AcceptAsync(SignedRequest(body));

        // Assert
        Assert.Equal(413, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:body-too-large", result.Problem.Type);
        AssertNothingWritten();
    }

    [Fact]
    public async Task AcceptAsync_BodyExactlyAtLimit_IsAccepted()
    {
        // Arrange
        var body = Body[..^1] + ",\"pad\":\"" + new string('x', MaxBodyBytes - Body.Length - 9) + "\"}";
        Assert.Equal(MaxBodyBytes, Encoding.UTF8.GetByteCount(body));
        var sut = CreateSut();

        // Act
        var result = await sut.AcceptAsync(SignedRequest(body));

        // Assert
        Assert.True(result.IsAccepted);
    }

    [Fact]
    public async Task AcceptAsync_BadSignature_Is401AndWritesNothing()
    {
        // Arrange
        var signed = SignedRequest();
        var request = signed with { Body = Encoding.UTF8.GetBytes(Body.Replace("ada@", "eve@", StringComparison.Ordinal)) };
        var sut = CreateSut();

        // Act
        var result = await sut.AcceptAsync(request);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem.Type);
        AssertNothingWritten();
    }

    [Fact]
    public async Task AcceptAsync_ClockMovedPastTolerance_IsStale401AndWritesNothing()
    {
        // Arrange
        var request = SignedRequest();
        var sut = CreateSut();
        _time.Advance(TimeSpan.FromSeconds(301));

        // Act
        var result = await sut.AcceptAsync(request);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:stale-timestamp", result.Problem.Type);
        AssertNothingWritten();
    }

    [Fact]
    public async Task AcceptAsync_SignedButMalformedBody_Is400AndWritesNothing()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = await sut.AcceptAsync(SignedRequest("""{"type":"contact.updated"}"""));

        // Assert
        Assert.Equal(400, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:malformed-payload", result.Problem.Type);
        AssertNothingWritten();
    }

    [Fact]
    public async Task AcceptAsync_ValidDelivery_ArchivesThenEnqueuesThenMarksAndAccepts()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = await sut.AcceptAsync(SignedRequest());

        // Assert
        Assert.True(result.IsAccepted);
        Assert.Null(result.Problem);
        Assert.Equal(DeliveryId, result.DeliveryId);
        Assert.False(result.Duplicate);
        Assert.Equal(["archive", "enqueue", "mark"], _calls);
        Assert.NotNull(_archived);
        Assert.Equal(Connection, _archived.Connection);
        Assert.Equal(StandardWebhooksProvider.Id, _archived.Provider);
        Assert.Equal(DeliveryId, _archived.DeliveryId);
        Assert.Equal(Now, _archived.ReceivedAt);
        Assert.Equal(Encoding.UTF8.GetBytes(Body), _archived.Body.ToArray());
        Assert.Equal(DeliveryId, _archived.Headers["webhook-id"]);
        Assert.True(_archived.Headers.ContainsKey("webhook-signature"));
    }

    [Fact]
    public async Task AcceptAsync_AlreadyArchivedAndEnqueued_IsDuplicateAndNotEnqueuedAgain()
    {
        // Arrange
        var sut = CreateSut(ArchiveOutcome.ExistsEnqueued);

        // Act
        var result = await sut.AcceptAsync(SignedRequest());

        // Assert
        Assert.True(result.IsAccepted);
        Assert.True(result.Duplicate);
        Assert.Equal(DeliveryId, result.DeliveryId);
        Assert.Equal(["archive"], _calls);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<DeliveryMessage>(), It.IsAny<CancellationToken>()), Times.Never);
        _archive.Verify(a => a.MarkEnqueuedAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AcceptAsync_ArchivedButNeverEnqueued_EnqueuesAndMarks()
    {
        // Arrange: an earlier attempt crashed between archiving and enqueueing; the sender's retry finishes the job.
        var sut = CreateSut(ArchiveOutcome.ExistsNotEnqueued);

        // Act
        var result = await sut.AcceptAsync(SignedRequest());

        // Assert
        Assert.True(result.IsAccepted);
        Assert.Equal(["archive", "enqueue", "mark"], _calls);
        _queue.Verify(q => q.EnqueueAsync(new DeliveryMessage(Connection, DeliveryId), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AcceptAsync_CredentialHeaders_AreNotArchived()
    {
        // Arrange
        var signed = SignedRequest();
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = "Bearer very-secret-token",
            ["proxy-authorization"] = "Basic c2VjcmV0",
            ["Cookie"] = "session=abc",
            ["x-functions-key"] = "function-key",
            ["User-Agent"] = "Svix-Webhooks/1.0",
        };
        var sut = CreateSut();

        // Act
        var result = await sut.AcceptAsync(signed with { Headers = headers });

        // Assert
        Assert.True(result.IsAccepted);
        var archivedNames = _archived!.Headers.Keys.ToList();
        Assert.DoesNotContain(archivedNames, n => n.Equals("authorization", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(archivedNames, n => n.Equals("proxy-authorization", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(archivedNames, n => n.Equals("cookie", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(archivedNames, n => n.Equals("x-functions-key", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_archived.Headers.Values, v => v.Contains("very-secret-token", StringComparison.Ordinal));
        Assert.Equal("Svix-Webhooks/1.0", _archived.Headers["user-agent"]);
    }

    [Fact]
    public async Task AcceptAsync_ArchiveFails_PropagatesAndEnqueuesNothing()
    {
        // Arrange: the sender must not be answered 202 when the bytes are not durable.
        var sut = CreateSut();
        _archive.Setup(a => a.AddAsync(It.IsAny<ArchivedDelivery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage unavailable"));

        // Act
        var thrown = await Record.ExceptionAsync(() => sut.AcceptAsync(SignedRequest()));

        // Assert
        Assert.IsType<IOException>(thrown);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<DeliveryMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AcceptAsync_QueueFails_PropagatesAndDoesNotMarkEnqueued()
    {
        // Arrange: left unmarked, the sender's retry will enqueue it (ExistsNotEnqueued).
        var sut = CreateSut();
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<DeliveryMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("queue unavailable"));

        // Act
        var thrown = await Record.ExceptionAsync(() => sut.AcceptAsync(SignedRequest()));

        // Assert
        Assert.IsType<IOException>(thrown);
        _archive.Verify(a => a.MarkEnqueuedAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
