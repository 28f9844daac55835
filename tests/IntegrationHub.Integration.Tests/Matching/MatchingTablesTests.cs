using IntegrationHub.Core.Matching;
using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Health;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Matching;

/// <summary>The blocking index and the suggestions table on Azure Tables (Azurite).</summary>
public sealed class MatchingTablesTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private const string Block = "0123456789abcdef0123456789abcdef";

    private static MatchSuggestion Scored(string a, string b, double probability, string status = SuggestionStatus.Pending) => new(
        MatchSuggestionIds.For(a, b), a, b, probability, Math.Log2(probability / (1 - probability)),
        new MatchExplanation(-10, [new FieldContribution("first_name", "exact", 7.5), new FieldContribution("date_of_birth", "missing", 0)], 1, probability),
        status, At);

    private static (string, string, DateTimeOffset?) Key(MatchSuggestion suggestion) => (suggestion.Id, suggestion.Status, suggestion.DecidedAt);

    [Fact]
    public async Task MembersAsync_BlockWithinItsCap_ListsEachProfileOnce()
    {
        var index = Storage.Get<IMatchBlockIndex>();
        await index.AddAsync(Block, "p_b");
        await index.AddAsync(Block, "p_a");
        await index.AddAsync(Block, "p_a");

        Assert.Equal(["p_a", "p_b"], await index.MembersAsync(Block, 2));
        Assert.Empty((await index.MembersAsync("ffffffffffffffffffffffffffffffff", 2))!);
    }

    [Fact]
    public async Task MembersAsync_BlockOverItsCap_IsTooCommonToCompare()
    {
        var index = Storage.Get<IMatchBlockIndex>();
        foreach (var id in new[] { "p_a", "p_b", "p_c" })
        {
            await index.AddAsync(Block, id);
        }

        Assert.Null(await index.MembersAsync(Block, 2));
        Assert.Equal(3, (await index.MembersAsync(Block, 3))!.Count);
    }

    [Fact]
    public async Task RemoveAsync_RetiredId_LeavesTheOthers()
    {
        var index = Storage.Get<IMatchBlockIndex>();
        await index.AddAsync(Block, "p_a");
        await index.AddAsync(Block, "p_b");

        await index.RemoveAsync(Block, "p_a");
        await index.RemoveAsync(Block, "p_a");

        Assert.Equal(["p_b"], await index.MembersAsync(Block, 10));
    }

    [Fact]
    public async Task RecordAsync_SamePairScoredAgain_UpdatesTheOneRowAndKeepsItsCreationTime()
    {
        var store = Storage.Get<ISuggestionStore>();
        var first = await store.RecordAsync(Scored("p_a", "p_b", 0.6));

        var again = await store.RecordAsync(Scored("p_a", "p_b", 0.7) with { CreatedAt = At.AddHours(1) });

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(At, again.CreatedAt);
        var stored = (await store.GetAsync(first.Id))!;
        Assert.Equal(0.7, stored.Probability);
        Assert.Equal(again.Explanation.Fields, stored.Explanation.Fields);
        Assert.Single((await store.ListAsync(10, null)).Items);
    }

    [Fact]
    public async Task DecideAsync_Pending_MovesItOnceAndScoringNeverReopensIt()
    {
        var store = Storage.Get<ISuggestionStore>();
        var pending = await store.RecordAsync(Scored("p_a", "p_b", 0.6));

        var rejected = await store.DecideAsync(pending.Id, SuggestionStatus.Rejected, At.AddHours(1));
        var accepted = await store.DecideAsync(pending.Id, SuggestionStatus.Accepted, At.AddHours(2));
        var rescored = await store.RecordAsync(Scored("p_a", "p_b", 0.95, SuggestionStatus.Linked));

        Assert.Equal(SuggestionStatus.Rejected, rejected!.Status);
        Assert.Equal(At.AddHours(1), rejected.DecidedAt);
        Assert.Equal(Key(rejected), Key(accepted!));
        Assert.Equal(Key(rejected), Key(rescored));
        Assert.Equal(Key(rejected), Key(Assert.Single((await store.ListAsync(10, null)).Items)));
        Assert.Null(await store.DecideAsync(MatchSuggestionIds.For("p_x", "p_y"), SuggestionStatus.Rejected, At));
    }

    [Fact]
    public async Task DecideAsync_AcceptAndRejectRacing_ExactlyOneWins()
    {
        var store = Storage.Get<ISuggestionStore>();
        var pending = await store.RecordAsync(Scored("p_a", "p_b", 0.6));

        var outcomes = await Task.WhenAll(
            store.DecideAsync(pending.Id, SuggestionStatus.Accepted, At),
            store.DecideAsync(pending.Id, SuggestionStatus.Rejected, At));

        Assert.Equal(outcomes[0]!.Status, outcomes[1]!.Status);
        Assert.Equal(outcomes[0]!.Status, (await store.GetAsync(pending.Id))!.Status);
    }

    [Fact]
    public async Task ListAsync_MixedStatuses_PendingFirstInPages()
    {
        var store = Storage.Get<ISuggestionStore>();
        await store.RecordAsync(Scored("p_1", "p_2", 0.95, SuggestionStatus.Linked));
        var decided = await store.RecordAsync(Scored("p_3", "p_4", 0.6));
        await store.DecideAsync(decided.Id, SuggestionStatus.Rejected, At);
        await store.RecordAsync(Scored("p_5", "p_6", 0.6));
        await store.RecordAsync(Scored("p_7", "p_8", 0.7));

        var first = await store.ListAsync(2, null);
        var second = await store.ListAsync(2, first.Continuation);

        Assert.All(first.Items, s => Assert.Equal(SuggestionStatus.Pending, s.Status));
        Assert.All(second.Items, s => Assert.NotEqual(SuggestionStatus.Pending, s.Status));
        Assert.Equal(4, first.Items.Count + second.Items.Count);
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListAsync(2, "%%%"));
    }

    [Fact]
    public async Task CheckAsync_NoModelConfigured_SaysMatchingIsOff()
    {
        var report = await Storage.Get<IHubHealth>().CheckAsync();

        Assert.Equal("off", report.Checks[StorageHubHealth.MatchingCheck]);
    }
}
