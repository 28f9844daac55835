using Azure;
using Azure.Messaging.ServiceBus;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Functions.Operations;
using IntegrationHub.Functions.Transport;
using IntegrationHub.Infrastructure.Archive;
using IntegrationHub.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IntegrationHub.Functions.Tests;

public sealed class SweepUnqueuedDeliveriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private readonly Mock<UnqueuedDeliveries> _unqueued = new(MockBehavior.Strict, (StorageResources)null!, (IDeliveryArchive)null!);
    private readonly Mock<SweepWatermarks> _watermarks = new((StorageResources)null!);
    private readonly Mock<IDeliveryArchive> _archive = new();
    private readonly Mock<ServiceBusSender> _sender = new();
    private readonly List<ServiceBusMessage> _sent = [];

    private SweepUnqueuedDeliveries CreateSut()
    {
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(DeliveryMessage.QueueName)).Returns(_sender.Object);
        _sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((m, _) => _sent.Add(m))
            .Returns(Task.CompletedTask);
        var hub = new HubOptions();
        hub.Connections["shop"] = new ConnectionOptions { Provider = "shopify" };
        hub.Connections["crm"] = new ConnectionOptions { Provider = "hubspot" };
        var sweep = new UnqueuedDeliverySweep(_unqueued.Object, _watermarks.Object, _archive.Object, new ServiceBusDeliveryQueue(client.Object));
        return new SweepUnqueuedDeliveries(
            sweep, Mock.Of<IOptionsMonitor<HubOptions>>(m => m.CurrentValue == hub), new FakeTimeProvider(Now), NullLogger<SweepUnqueuedDeliveries>.Instance);
    }

    private static async IAsyncEnumerable<string> Ids(params string[] ids)
    {
        foreach (var id in ids)
        {
            await Task.Yield();
            yield return id;
        }
    }

    [Fact]
    public async Task Run_WatermarkSet_SendsEachDeliveryUnqueuedSinceItToServiceBusThenMarksItAndMovesTheWatermark()
    {
        // Arrange
        var before = Now - SweepUnqueuedDeliveries.Grace;
        var shopMark = new SweepWatermark(Now.AddMinutes(-10), new ETag("v1"));
        var crmMark = new SweepWatermark(Now.AddMinutes(-10), new ETag("v2"));
        _watermarks.Setup(w => w.ReadAsync("shop", It.IsAny<CancellationToken>())).ReturnsAsync(shopMark);
        _watermarks.Setup(w => w.ReadAsync("crm", It.IsAny<CancellationToken>())).ReturnsAsync(crmMark);
        _unqueued.Setup(u => u.ListReceivedAsync("shop", shopMark.SweptBefore - UnqueuedDeliverySweep.Overlap, before, It.IsAny<CancellationToken>()))
            .Returns(Ids("msg_1", "msg_2"));
        _unqueued.Setup(u => u.ListReceivedAsync("crm", crmMark.SweptBefore - UnqueuedDeliverySweep.Overlap, before, It.IsAny<CancellationToken>()))
            .Returns(Ids());
        var sut = CreateSut();

        // Act
        await sut.Run(new TimerInfo(), CancellationToken.None);

        // Assert
        Assert.Equal(["shop:msg_1", "shop:msg_2"], _sent.Select(m => m.MessageId));
        Assert.Equal(new DeliveryMessage("shop", "msg_2"), DeliveryMessage.TryParse(_sent[1].Body.ToMemory().Span));
        _archive.Verify(a => a.MarkEnqueuedAsync("shop", "msg_1", It.IsAny<CancellationToken>()), Times.Once);
        _archive.Verify(a => a.MarkEnqueuedAsync("shop", "msg_2", It.IsAny<CancellationToken>()), Times.Once);
        _watermarks.Verify(w => w.TryAdvanceAsync("shop", shopMark, before, It.IsAny<CancellationToken>()), Times.Once);
        _watermarks.Verify(w => w.TryAdvanceAsync("crm", crmMark, before, It.IsAny<CancellationToken>()), Times.Once);
        _unqueued.VerifyAll();
    }

    [Fact]
    public async Task Run_NoWatermarkYet_ScansTheWholePartitionOnceThenSetsTheWatermark()
    {
        // Arrange
        var before = Now - SweepUnqueuedDeliveries.Grace;
        _watermarks.Setup(w => w.ReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((SweepWatermark?)null);
        _unqueued.Setup(u => u.ListAsync("shop", before, It.IsAny<CancellationToken>())).Returns(Ids("msg_old"));
        _unqueued.Setup(u => u.ListAsync("crm", before, It.IsAny<CancellationToken>())).Returns(Ids());
        var sut = CreateSut();

        // Act
        await sut.Run(new TimerInfo(), CancellationToken.None);

        // Assert
        Assert.Equal(["shop:msg_old"], _sent.Select(m => m.MessageId));
        _watermarks.Verify(w => w.TryAdvanceAsync("shop", null, before, It.IsAny<CancellationToken>()), Times.Once);
        _watermarks.Verify(w => w.TryAdvanceAsync("crm", null, before, It.IsAny<CancellationToken>()), Times.Once);
        _unqueued.VerifyAll();
    }

    [Fact]
    public async Task Run_SendFails_ThrowsWithoutMarkingTheDeliveryEnqueued()
    {
        // Arrange: the next run (or a redelivery by the vendor) queues it.
        var mark = new SweepWatermark(Now.AddMinutes(-10), new ETag("v1"));
        _watermarks.Setup(w => w.ReadAsync("shop", It.IsAny<CancellationToken>())).ReturnsAsync(mark);
        _unqueued.Setup(u => u.ListReceivedAsync("shop", It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(Ids("msg_1"));
        var sut = CreateSut();
        _sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy));

        // Act
        await Assert.ThrowsAsync<ServiceBusException>(() => sut.Run(new TimerInfo(), CancellationToken.None));

        // Assert
        _archive.Verify(a => a.MarkEnqueuedAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _watermarks.Verify(
            w => w.TryAdvanceAsync(It.IsAny<string>(), It.IsAny<SweepWatermark?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
