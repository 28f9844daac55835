using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Timeline;

public sealed class TableTimelineStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string ProfileId = "p_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAsync_InteractionsAppendedOutOfOrder_ReturnsNewestFirst()
    {
        // Arrange
        var timeline = CreateSut();
        var older = Interaction("e1", Start);
        var newest = Interaction("e2", Start.AddDays(2));
        var middle = Interaction("e3", Start.AddDays(1).AddTicks(1234567));
        foreach (var interaction in new[] { older, newest, middle })
        {
            await timeline.AppendAsync(ProfileId, interaction);
        }

        // Act
        var page = await timeline.ListAsync(ProfileId, 10, null);

        // Assert
        Assert.Equal([newest, middle, older], page.Items);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task ReplaceAsync_OtherInteractionsPastOneBatch_LeavesExactlyThose()
    {
        // Arrange: a split profile's timeline held three interactions; it now owns one of them and 149 others.
        var timeline = CreateSut();
        foreach (var i in Enumerable.Range(0, 3))
        {
            await timeline.AppendAsync(ProfileId, Interaction($"old{i}", Start.AddMinutes(i)));
        }
        var kept = Enumerable.Range(0, 149).Select(i => Interaction($"new{i}", Start.AddHours(i + 1)))
            .Append(Interaction("old1", Start.AddMinutes(1)))
            .ToList();

        // Act
        await timeline.ReplaceAsync(ProfileId, kept);
        await timeline.ReplaceAsync(ProfileId, kept);

        // Assert
        var page = await timeline.ListAsync(ProfileId, 200, null);
        Assert.Equal(kept.OrderByDescending(i => i.OccurredAt), page.Items);
    }

    [Fact]
    public async Task ReplaceAsync_Nothing_ClearsTheTimeline()
    {
        // Arrange
        var timeline = CreateSut();
        await timeline.AppendAsync(ProfileId, Interaction("e1", Start));

        // Act
        await timeline.ReplaceAsync(ProfileId, []);

        // Assert
        Assert.Empty((await timeline.ListAsync(ProfileId, 10, null)).Items);
    }

    [Fact]
    public async Task AppendAsync_SameInteractionTwice_KeepsOneEntry()
    {
        // Arrange
        var timeline = CreateSut();
        var interaction = Interaction("evt/1#a", Start);

        // Act
        await timeline.AppendAsync(ProfileId, interaction);
        await timeline.AppendAsync(ProfileId, interaction);
        var page = await timeline.ListAsync(ProfileId, 10, null);

        // Assert
        Assert.Equal(interaction, Assert.Single(page.Items));
    }

    [Fact]
    public async Task AppendAsync_OffsetTimestamp_ReadsBackAsTheSameInstant()
    {
        // Arrange
        var timeline = CreateSut();
        var interaction = Interaction("e-offset", new DateTimeOffset(2025, 5, 5, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(7));

        // Act
        await timeline.AppendAsync(ProfileId, interaction);
        var read = Assert.Single((await timeline.ListAsync(ProfileId, 10, null)).Items);

        // Assert
        Assert.Equal(interaction.OccurredAt.UtcTicks, read.OccurredAt.UtcTicks);
    }

    [Fact]
    public async Task ListAsync_SmallPages_FollowsContinuationsThroughEveryEntry()
    {
        // Arrange
        var timeline = CreateSut();
        var all = Enumerable.Range(0, 5).Select(i => Interaction($"e{i}", Start.AddMinutes(i))).ToList();
        foreach (var interaction in all)
        {
            await timeline.AppendAsync(ProfileId, interaction);
        }
        await timeline.AppendAsync("p_other", Interaction("foreign", Start));

        // Act
        var pages = new List<TimelinePage>();
        string? continuation = null;
        do
        {
            var page = await timeline.ListAsync(ProfileId, 2, continuation);
            pages.Add(page);
            continuation = page.Continuation;
        }
        while (continuation is not null && pages.Count < 10);

        // Assert
        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(all.AsEnumerable().Reverse(), pages.SelectMany(p => p.Items));
    }

    [Fact]
    public async Task ListAsync_ContinuationNotIssuedByTheStore_ThrowsArgumentException()
    {
        // Arrange
        var timeline = CreateSut();

        // Act
        var act = () => timeline.ListAsync(ProfileId, 2, "not*a*token");

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(act);
    }

    [Fact]
    public async Task ListAsync_ProfileWithoutInteractions_ReturnsAnEmptyLastPage()
    {
        // Arrange
        var timeline = CreateSut();

        // Act
        var page = await timeline.ListAsync("p_nobody", 10, null);

        // Assert
        Assert.Empty(page.Items);
        Assert.Null(page.Continuation);
    }

    private ITimelineStore CreateSut() => Storage.Get<ITimelineStore>();

    private static Interaction Interaction(string eventId, DateTimeOffset at) =>
        new("profile.updated", eventId, at, "shop", "shopify", "d-" + eventId, "customers/update", "Customer updated");
}
