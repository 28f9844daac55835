using IntegrationHub.Infrastructure.Queues;

namespace IntegrationHub.Integration.Tests.Queues;

public sealed class DeliveryArrivalsTests
{
    [Fact]
    public void Arrived_AfterNextWasRead_CompletesItAndTheNextOneWaitsAgain()
    {
        // Arrange: the worker reads Next, finds the queue empty, and is about to wait.
        var arrivals = new DeliveryArrivals();
        var waiting = arrivals.Next;

        // Act: a delivery is queued before (or while) it waits.
        arrivals.Arrived();

        // Assert: the wait it was about to start ends at once; the one after waits for another arrival.
        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.False(arrivals.Next.IsCompleted);
    }

    [Fact]
    public void Next_NothingQueued_StaysPending()
    {
        var arrivals = new DeliveryArrivals();

        Assert.False(arrivals.Next.IsCompleted);
        Assert.Same(arrivals.Next, arrivals.Next);
    }
}
