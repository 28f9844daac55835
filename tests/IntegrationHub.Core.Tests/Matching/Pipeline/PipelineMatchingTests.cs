using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Matching;
using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.TestDoubles;
using IntegrationHub.Core.Workflows.ProcessEvent;
using static IntegrationHub.Core.Tests.TestDoubles.InMemoryWorkflow;

namespace IntegrationHub.Core.Tests.Matching.Pipeline;

/// <summary>Probabilistic matching as the process-event workflow runs it: deliveries with no shared identifier, scored
/// by a model learned from the FEBRL fixture, end linked or suggested according to the configured thresholds.</summary>
public sealed class PipelineMatchingTests
{
    private readonly InMemoryWorkflow _workflow = new();

    private (ProcessEventSteps Steps, Suggestions Review) CreateSut(double threshold = 0.9, double reviewThreshold = 0.5, MatchModel? model = null) =>
        (_workflow.CreateSteps(
            new HubOptions { DefaultPhoneRegion = "AU" },
            new MatchingOptions { ModelPath = "learned", Threshold = threshold, ReviewThreshold = reviewThreshold },
            model ?? LearnedModel.Febrl),
        new Suggestions(_workflow.Suggestions, _workflow.Linker, TimeProvider.System));

    private async Task<string> DeliverAsync(ProcessEventSteps steps, string connection, string deliveryId, string data, int hour) =>
        Assert.Single((await _workflow.DeliverAsync(steps, connection, deliveryId, data, at: T0.AddHours(hour))).Profiles).ProfileId;

    private const string AdaAtTheShop =
        """{"id":"cus_1","email":"ada@shop.example","first_name":"Ada","last_name":"Lovelace","date_of_birth":"1815-12-10","city":"Bittern","postal_code":"4814"}""";

    private const string AdaInTheCrm =
        """{"id":"lead_9","email":"a.lovelace@crm.example","first_name":"Ada","last_name":"Lovelace","date_of_birth":"10/12/1815","city":"Bittern","postal_code":"4814"}""";

    [Fact]
    public async Task Workflow_SamePersonWithoutASharedIdentifier_LinksAboveTheThresholdWithAnExplainedMergeRecord()
    {
        var (steps, review) = CreateSut();
        var shop = await DeliverAsync(steps, Shop, "d1", AdaAtTheShop, hour: 0);

        await DeliverAsync(steps, Crm, "d2", AdaInTheCrm, hour: 1);

        var crm = ProfileIds.For(IdentityKey.ForExternalId(Crm, "lead_9"));
        Assert.Equal(shop, await _workflow.Graph.ResolveIdAsync(crm));
        var identity = (await _workflow.Graph.GetProfileAsync(shop))!;
        var link = Assert.Single(identity.Links, l => l.Event.Connection == ProbabilisticLinker.Connection);
        var suggestion = (await review.GetAsync(link.Event.EventId))!;
        Assert.Equal(SuggestionStatus.Linked, suggestion.Status);
        Assert.True(suggestion.Probability >= 0.9);
        Assert.Contains(suggestion.Explanation.Fields, f => f.Field == "date_of_birth" && f.Level == "exact" && f.Weight > 0);
        var profile = (await _workflow.Profiles.GetAsync(shop))!;
        Assert.Equal(["crm:lead_9", "shop:cus_1"], profile.ExternalIds.Order(StringComparer.Ordinal));
        Assert.Contains(_workflow.Timeline.For(shop), i => i.Type == InteractionTypes.ProfilesMatched);
    }

    [Fact]
    public async Task Workflow_PairInTheReviewBand_IsSuggestedNeverMerged()
    {
        var (steps, review) = CreateSut(threshold: 1);
        var shop = await DeliverAsync(steps, Shop, "d1", AdaAtTheShop, hour: 0);

        var crm = await DeliverAsync(steps, Crm, "d2", AdaInTheCrm, hour: 1);

        Assert.NotEqual(shop, crm);
        Assert.Equal(crm, await _workflow.Graph.ResolveIdAsync(crm));
        var suggestion = Assert.Single(_workflow.Suggestions.All);
        Assert.Equal(SuggestionStatus.Pending, suggestion.Status);
        Assert.Equal(MatchSuggestionIds.Order(shop, crm), (suggestion.ProfileA, suggestion.ProfileB));
        Assert.InRange(suggestion.Probability, 0.5, 1);
        Assert.Equal(suggestion, (await review.ListAsync(null, null)).Items[0]);
    }

    [Fact]
    public async Task Workflow_SamePairScoredAgain_UpdatesTheOneSuggestion()
    {
        var (steps, _) = CreateSut(threshold: 1);
        await DeliverAsync(steps, Shop, "d1", AdaAtTheShop, hour: 0);
        await DeliverAsync(steps, Crm, "d2", AdaInTheCrm, hour: 1);
        var first = Assert.Single(_workflow.Suggestions.All);

        await DeliverAsync(steps, Crm, "d3", AdaInTheCrm.Replace("Bittern", "Bitern", StringComparison.Ordinal), hour: 2);

        var again = Assert.Single(_workflow.Suggestions.All);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.CreatedAt, again.CreatedAt);
        Assert.NotEqual(first.MatchWeight, again.MatchWeight);
    }

    /// <summary>Ada from the shop and from the CRM, scored into the review band (no automatic link).</summary>
    private async Task<(Suggestions Review, string Shop, string Crm, string Id)> SuggestAdaAsync()
    {
        var (steps, review) = CreateSut(threshold: 1);
        var shop = await DeliverAsync(steps, Shop, "d1", AdaAtTheShop, hour: 0);
        var crm = await DeliverAsync(steps, Crm, "d2", AdaInTheCrm, hour: 1);
        return (review, shop, crm, Assert.Single(_workflow.Suggestions.All).Id);
    }

    [Fact]
    public async Task Accept_PendingSuggestion_LinksThePairAndUnlinkUndoesIt()
    {
        var (review, shop, crm, id) = await SuggestAdaAsync();

        var decision = (await review.AcceptAsync(id))!;

        Assert.True(decision.Decided);
        Assert.Equal(SuggestionStatus.Accepted, decision.Suggestion.Status);
        Assert.Equal(shop, decision.ProfileId);
        Assert.Equal(shop, await _workflow.Graph.ResolveIdAsync(crm));
        Assert.False((await review.AcceptAsync(id))!.Decided);

        var evidence = new EventRef(ProbabilisticLinker.Connection, id);
        var home = (await _workflow.Graph.GetProfileAsync(shop))!.Links.Single(l => l.Event == evidence).Identifier;
        var split = await _workflow.Resolver.UnlinkAsync(evidence, home);

        Assert.Contains(split!.Changes, c => c.Kind == IdentityChangeKind.Split);
        Assert.NotEqual(await _workflow.Graph.ResolveIdAsync(shop), await _workflow.Graph.ResolveIdAsync(crm));
    }

    [Fact]
    public async Task Accept_RejectStoredFirst_LeavesThePairApart()
    {
        var (review, shop, crm, id) = await SuggestAdaAsync();
        _workflow.Suggestions.RacingDecision = SuggestionStatus.Rejected;

        var decision = (await review.AcceptAsync(id))!;

        Assert.False(decision.Decided);
        Assert.Null(decision.ProfileId);
        Assert.Equal(SuggestionStatus.Rejected, decision.Suggestion.Status);
        Assert.NotEqual(await _workflow.Graph.ResolveIdAsync(shop), await _workflow.Graph.ResolveIdAsync(crm));
    }

    [Fact]
    public async Task Workflow_AutoLinkRacingAReject_TheRejectStandsAndThePairStaysApart()
    {
        var (_, shop, crm, _) = await SuggestAdaAsync();
        var (relaxed, _) = CreateSut(threshold: 0.9);
        _workflow.Suggestions.RacingDecision = SuggestionStatus.Rejected;

        await DeliverAsync(relaxed, Crm, "d3", AdaInTheCrm.Replace("Bittern", "Bitern", StringComparison.Ordinal), hour: 2);

        Assert.Equal(SuggestionStatus.Rejected, Assert.Single(_workflow.Suggestions.All).Status);
        Assert.NotEqual(await _workflow.Graph.ResolveIdAsync(shop), await _workflow.Graph.ResolveIdAsync(crm));
    }

    [Fact]
    public async Task Reject_PendingSuggestion_IsNeverSuggestedOrLinkedAgain()
    {
        var (steps, review) = CreateSut(threshold: 1);
        var shop = await DeliverAsync(steps, Shop, "d1", AdaAtTheShop, hour: 0);
        await DeliverAsync(steps, Crm, "d2", AdaInTheCrm, hour: 1);
        var id = Assert.Single(_workflow.Suggestions.All).Id;

        Assert.True((await review.RejectAsync(id))!.Decided);
        var (relaxed, _) = CreateSut(threshold: 0.9);
        var crm = await DeliverAsync(relaxed, Crm, "d3", AdaInTheCrm.Replace("Bittern", "Bitern", StringComparison.Ordinal), hour: 2);

        Assert.Equal(SuggestionStatus.Rejected, Assert.Single(_workflow.Suggestions.All).Status);
        Assert.NotEqual(shop, await _workflow.Graph.ResolveIdAsync(crm));
        Assert.False((await review.RejectAsync(id))!.Decided);
    }

    [Fact]
    public async Task Workflow_DifferentPeople_NeitherLinkedNorSuggested()
    {
        var (steps, _) = CreateSut();
        var shop = await DeliverAsync(steps, Shop, "d1", AdaAtTheShop, hour: 0);

        var other = await DeliverAsync(steps, Crm, "d2",
            """{"id":"lead_3","email":"ann@crm.example","first_name":"Ann","last_name":"Lovelace","date_of_birth":"1990-03-04","city":"Perth","postal_code":"6000"}""", hour: 1);

        Assert.Empty(_workflow.Suggestions.All);
        Assert.NotEqual(await _workflow.Graph.ResolveIdAsync(shop), await _workflow.Graph.ResolveIdAsync(other));
    }

    [Fact]
    public async Task Workflow_NamesAloneScoringAboveTheThreshold_SuggestedNotLinked()
    {
        var (steps, _) = CreateSut();
        var shop = await DeliverAsync(steps, Shop, "d1", """{"id":"cus_2","email":"grace@shop.example","first_name":"Grace","last_name":"Hopper"}""", hour: 0);

        var crm = await DeliverAsync(steps, Crm, "d2", """{"id":"lead_4","email":"g.hopper@crm.example","first_name":"Grace","last_name":"Hopper"}""", hour: 1);

        var suggestion = Assert.Single(_workflow.Suggestions.All);
        Assert.True(suggestion.Probability >= 0.9, $"The pair scored {suggestion.Probability}; the evidence floor is what must hold it back.");
        Assert.Equal(SuggestionStatus.Pending, suggestion.Status);
        Assert.Equal(2, suggestion.Explanation.Fields.Count(f => f.Weight > 0));
        Assert.NotEqual(await _workflow.Graph.ResolveIdAsync(shop), await _workflow.Graph.ResolveIdAsync(crm));
    }

    [Fact]
    public async Task Workflow_MatchingOff_WritesNoBlocksAndNoSuggestions()
    {
        var (steps, _) = CreateSut();
        var off = _workflow.CreateMatcher(new HubOptions(), new MatchingOptions(), model: null);
        await DeliverAsync(steps, Shop, "d1", AdaAtTheShop, hour: 0);
        var blocks = _workflow.Blocks.Blocks.Count;

        var result = await off.MatchAsync(ProfileIds.For(IdentityKey.ForExternalId(Shop, "cus_1")));

        Assert.False(result.Enabled);
        Assert.Equal(blocks, _workflow.Blocks.Blocks.Count);
    }

    [Fact]
    public void BlockKeys_SamePersonDifferentlyWritten_ShareAKeyThatNamesNoValue()
    {
        var a = new MatchRecord("a") { [MatchRole.FirstName] = "Ada", [MatchRole.LastName] = "Lovelace", [MatchRole.DateOfBirth] = "1815-12-10" };
        var b = new MatchRecord("b") { [MatchRole.FirstName] = "ADA", [MatchRole.LastName] = "Lovelace ", [MatchRole.DateOfBirth] = "10/12/1815" };

        var keysA = MatchBlocks.For(LearnedModel.Febrl, a, "AU");
        var keysB = MatchBlocks.For(LearnedModel.Febrl, b, "AU");

        Assert.NotEmpty(keysA.Intersect(keysB));
        Assert.All(keysA, k => Assert.Matches("^[0-9a-f]{32}$", k));
    }

    [Fact]
    public void BlockKeys_EmailAndPhoneRules_AreLeftToTheIdentityGraph()
    {
        var (records, _) = LinkageFixture.Febrl("dataset1.csv");
        var withEmail = new ProbabilisticMatcher(new MatchOptions { RandomPairSample = 10_000 }).Match(
            [.. records.Take(200).Select((r, i) => new MatchRecord(r.Id) { [MatchRole.Email] = $"p{i % 150}@example.com", [MatchRole.FirstName] = r[MatchRole.FirstName] })]).Model;
        var record = new MatchRecord("x") { [MatchRole.Email] = "ada@example.com" };

        Assert.Contains("email", withEmail.BlockingRules);
        var userNameOnly = MatchBlocks.Hash(new MatchBlockKey("email user name", "ada"));
        Assert.Equal([userNameOnly], MatchBlocks.For(withEmail, record, "AU"));
    }
}
