using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Matching;
using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Functions.Matching;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IntegrationHub.Functions.Tests;

/// <summary>The review queue's HTTP triggers: bind, call the shared endpoint, translate.</summary>
public sealed class SuggestionTriggerTests
{
    private const string ProfileA = "p_0000000000000000000000000000000a";
    private const string ProfileB = "p_0000000000000000000000000000000b";
    private static readonly string Id = MatchSuggestionIds.For(ProfileA, ProfileB);
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly Mock<ISuggestionStore> _store = new();
    private readonly Mock<IIdentityGraphStore> _graph = new();
    private readonly FakeTimeProvider _time = new(At);

    private Suggestions CreateSut()
    {
        var resolver = new IdentityResolver(
            _graph.Object, IdentifierPolicy.Default, SurvivorshipRules.Default, Mock.Of<ITimelineStore>(), NullLogger<IdentityResolver>.Instance,
            new RebuiltProfileChanges(Mock.Of<IProfileStore>(), Mock.Of<IProfileChangePublisher>(), _time));
        return new Suggestions(_store.Object, new ProbabilisticLinker(_graph.Object, resolver, _time), _time);
    }

    private static MatchSuggestion Suggestion(string status) => new(
        Id, ProfileA, ProfileB, 0.8, 2,
        new MatchExplanation(-10, [new FieldContribution("first_name", "exact", 7), new FieldContribution("last_name", "exact", 5)], 2, 0.8),
        status, At.AddHours(-1));

    [Fact]
    public async Task ListSuggestions_Page_200WithItemsAndTheirContributions()
    {
        _store.Setup(s => s.ListAsync(10, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SuggestionPage([Suggestion(SuggestionStatus.Pending)], "next"));
        var context = HttpTriggers.Request("GET", "/api/suggestions");
        context.Request.QueryString = new QueryString("?pageSize=10");

        var (status, body) = await HttpTriggers.ExecuteAsync(new ListSuggestions(CreateSut()).Run(context.Request, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status200OK, status);
        var item = body.RootElement.GetProperty("items")[0];
        Assert.Equal(Id, item.GetProperty("id").GetString());
        Assert.Equal("first_name", item.GetProperty("explanation").GetProperty("fields")[0].GetProperty("field").GetString());
        Assert.Equal("next", body.RootElement.GetProperty("continuation").GetString());
    }

    [Fact]
    public async Task ListSuggestions_PageSizeOutOfRange_400Problem()
    {
        var context = HttpTriggers.Request("GET", "/api/suggestions");
        context.Request.QueryString = new QueryString("?pageSize=0");

        var (status, _) = await HttpTriggers.ExecuteAsync(new ListSuggestions(CreateSut()).Run(context.Request, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task GetSuggestion_Known_200WithScoreAndStatus()
    {
        _store.Setup(s => s.GetAsync(Id, It.IsAny<CancellationToken>())).ReturnsAsync(Suggestion(SuggestionStatus.Pending));
        var context = HttpTriggers.Request("GET", $"/api/suggestions/{Id}");

        var (status, body) = await HttpTriggers.ExecuteAsync(new GetSuggestion(CreateSut()).Run(context.Request, Id, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(0.8, body.RootElement.GetProperty("probability").GetDouble());
        Assert.Equal(SuggestionStatus.Pending, body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetSuggestion_Unknown_404ProblemNamingIt()
    {
        const string id = "s_00000000000000000000000000000000";
        var context = HttpTriggers.Request("GET", $"/api/suggestions/{id}");

        var (status, body) = await HttpTriggers.ExecuteAsync(new GetSuggestion(CreateSut()).Run(context.Request, id, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Contains(id, body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSuggestion_NotAnIdAtAll_404ProblemThatDoesNotRepeatIt()
    {
        // Arrange: an email pasted where the id belongs must not be echoed into a problem detail.
        const string id = "ada@example.com";
        var context = HttpTriggers.Request("GET", "/api/suggestions/ada%40example.com");

        var (status, body) = await HttpTriggers.ExecuteAsync(new GetSuggestion(CreateSut()).Run(context.Request, id, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.DoesNotContain("ada", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptSuggestion_PairAlreadyOneProfile_200AcceptedNamingIt()
    {
        _store.Setup(s => s.GetAsync(Id, It.IsAny<CancellationToken>())).ReturnsAsync(Suggestion(SuggestionStatus.Pending));
        _store.Setup(s => s.DecideAsync(Id, SuggestionStatus.Accepted, At, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Suggestion(SuggestionStatus.Accepted) with { DecidedAt = At });
        var identity = new IdentityProfile(ProfileA, [], [], [], []);
        _graph.Setup(g => g.ResolveIdAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(ProfileA);
        _graph.Setup(g => g.GetProfileAsync(ProfileA, It.IsAny<CancellationToken>())).ReturnsAsync(identity);
        var context = HttpTriggers.Request("POST", $"/api/suggestions/{Id}/accept");

        var (status, body) = await HttpTriggers.ExecuteAsync(new AcceptSuggestion(CreateSut()).Run(context.Request, Id, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(SuggestionStatus.Accepted, body.RootElement.GetProperty("suggestion").GetProperty("status").GetString());
        Assert.Equal(ProfileA, body.RootElement.GetProperty("profileId").GetString());
        _graph.Verify(g => g.RecordAsync(It.IsAny<IdentityEvent>(), It.IsAny<PersonTraits>(), It.IsAny<Interaction>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(SuggestionStatus.Rejected)]
    [InlineData(SuggestionStatus.Linked)]
    public async Task AcceptSuggestion_NotPending_409ProblemAndNothingLinked(string decided)
    {
        _store.Setup(s => s.GetAsync(Id, It.IsAny<CancellationToken>())).ReturnsAsync(Suggestion(decided));
        var context = HttpTriggers.Request("POST", $"/api/suggestions/{Id}/accept");

        var (status, body) = await HttpTriggers.ExecuteAsync(new AcceptSuggestion(CreateSut()).Run(context.Request, Id, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Contains(decided, body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        _graph.VerifyNoOtherCalls();
        _store.Verify(s => s.DecideAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RejectSuggestion_Pending_200Rejected()
    {
        _store.Setup(s => s.GetAsync(Id, It.IsAny<CancellationToken>())).ReturnsAsync(Suggestion(SuggestionStatus.Pending));
        _store.Setup(s => s.DecideAsync(Id, SuggestionStatus.Rejected, At, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Suggestion(SuggestionStatus.Rejected) with { DecidedAt = At });
        var context = HttpTriggers.Request("POST", $"/api/suggestions/{Id}/reject");

        var (status, body) = await HttpTriggers.ExecuteAsync(new RejectSuggestion(CreateSut()).Run(context.Request, Id, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(SuggestionStatus.Rejected, body.RootElement.GetProperty("suggestion").GetProperty("status").GetString());
        _graph.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RejectSuggestion_Unknown_404Problem()
    {
        var context = HttpTriggers.Request("POST", $"/api/suggestions/{Id}/reject");

        var (status, _) = await HttpTriggers.ExecuteAsync(new RejectSuggestion(CreateSut()).Run(context.Request, Id, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Equal("application/problem+json", context.Response.ContentType);
    }
}
