using IntegrationHub.Core.Model;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Queues;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Operations;

public sealed class DeadLettersTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task RecordAsync_SameDeliveryTwice_OneDeadLetterWithTheLatestReason()
    {
        // Arrange
        var sut = Storage.Get<DeadLetters>();
        var message = new DeliveryMessage("shop", "msg/1#");

        // Act
        await sut.RecordAsync(message, "TimeoutException", "storage was slow", 5);
        var second = await sut.RecordAsync(message, "MalformedPayloadException", "not the expected envelope", 1);
        var page = await sut.ListAsync(10, null);

        // Assert
        var only = Assert.Single(page.Items);
        Assert.Equal(second, only);
        Assert.Equal("msg/1#", only.DeliveryId);
    }

    [Fact]
    public async Task ListAsync_PageSizeOne_PagesWithAContinuation()
    {
        // Arrange
        var sut = Storage.Get<DeadLetters>();
        await sut.RecordAsync(new DeliveryMessage("shop", "a"), "R", "d", 1);
        await sut.RecordAsync(new DeliveryMessage("shop", "b"), "R", "d", 1);

        // Act
        var first = await sut.ListAsync(1, null);
        var second = await sut.ListAsync(1, first.Continuation);

        // Assert
        Assert.NotNull(first.Continuation);
        Assert.Equal(["a", "b"], first.Items.Concat(second.Items).Select(d => d.DeliveryId).Order());
    }

    [Fact]
    public async Task ReplayAsync_DeadLetter_QueuesTheDeliveryAgainAndRemovesIt()
    {
        // Arrange
        var sut = Storage.Get<DeadLetters>();
        var recorded = await sut.RecordAsync(new DeliveryMessage("shop", "d-9"), "DeliveryNotFoundException", "gone", 1);

        // Act
        var replayed = await sut.ReplayAsync(recorded.Id);

        // Assert
        Assert.Equal(recorded, replayed);
        Assert.Empty((await sut.ListAsync(10, null)).Items);
        var queued = Assert.Single(await Storage.Get<StorageQueueConsumer>().ReceiveAsync(32, TimeSpan.FromSeconds(30)));
        Assert.Equal("shop", queued.Message!.Connection);
        Assert.Equal("d-9", queued.Message.DeliveryId);
        Assert.StartsWith("replay-", queued.Message.Replay, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-an-id")]
    public async Task ReplayAsync_UnknownId_Null(string id)
    {
        Assert.Null(await Storage.Get<DeadLetters>().ReplayAsync(id));
    }

    [Fact]
    public async Task ListAsync_ForeignContinuation_ArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.Get<IDeadLetterStore>().ListAsync(5, "%%%"));
    }
}
