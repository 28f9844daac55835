using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Core.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Core.Tests.Identity;

public sealed class IdentityResolverTests
{
    private const string Phone = "+14155550123";
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IdentityKey PhoneKey = IdentityKey.ForPhone(Phone);
    private readonly InMemoryProfileStore _profiles = new();
    private readonly InMemoryTimelineStore _timeline = new();
    private readonly InMemoryIdentityGraphStore _graph;

    public IdentityResolverTests() => _graph = new InMemoryIdentityGraphStore(_profiles);

    private IdentityResolver CreateSut() =>
        new(_graph, IdentifierPolicy.Default, SurvivorshipRules.Default, _timeline, NullLogger<IdentityResolver>.Instance);

    private static async Task<string?> Resolve(IdentityResolver sut, string connection, string eventId, PersonTraits person) =>
        await sut.ResolveAsync(
            connection, person, new Interaction("contact.updated", eventId, person.EventTime, connection, "standard-webhooks", eventId));

    private static PersonTraits Person(string recordId, string email, string? phone = null, int hour = 0) =>
        new(recordId, T0.AddHours(hour), email, null, null, phone);

    /// <summary>Ada (crm) and Grace (shop) joined by a phone the CRM wrongly gave Ada on e3.</summary>
    private static async Task<(string Ada, string Grace)> MergedByPhone(IdentityResolver sut)
    {
        var ada = await Resolve(sut, "crm", "e1", Person("lead_1", "ada@example.com"));
        var grace = await Resolve(sut, "shop", "e2", Person("cus_1", "grace@example.com", Phone, hour: 1));
        Assert.Equal(ada, await Resolve(sut, "crm", "e3", Person("lead_1", "ada@example.com", Phone, hour: 2)));
        return (ada!, grace!);
    }

    [Fact]
    public async Task RelinkAsync_AfterUnlink_MergesTheProfileBack()
    {
        // Arrange
        var sut = CreateSut();
        var (ada, grace) = await MergedByPhone(sut);
        var evidence = new EventRef("crm", "e3");
        await sut.UnlinkAsync(evidence, PhoneKey);
        Assert.Equal(grace, _graph.ProfileOf[IdentityKey.ForEmail("grace@example.com")]);

        // Act
        var result = await sut.RelinkAsync(evidence, PhoneKey);

        // Assert
        Assert.NotNull(result);
        Assert.Contains(result.Changes, c => c.Kind == IdentityChangeKind.Merged && c.ProfileId == ada && c.Others.Contains(grace));
        Assert.Equal([grace], result.Retired);
        Assert.Equal(ada, _graph.ProfileOf[IdentityKey.ForEmail("grace@example.com")]);
        Assert.Equal(ada, _graph.ProfileOf[PhoneKey]);
        Assert.DoesNotContain(_graph.Profiles[ada].Excluded, x => x.Reason == ExcludedIdentifier.Unlinked);
        Assert.Equal(["crm:lead_1", "shop:cus_1"], (await _profiles.GetAsync(ada))!.ExternalIds);
        Assert.Null(await _profiles.GetAsync(grace));
    }

    [Fact]
    public async Task RelinkAsync_IdentifierNotUnlinkedOnThatEvent_ReturnsNullAndChangesNothing()
    {
        // Arrange
        var sut = CreateSut();
        var (ada, _) = await MergedByPhone(sut);
        var before = _graph.Profiles[ada];

        // Act
        var result = await sut.RelinkAsync(new EventRef("crm", "e3"), PhoneKey);

        // Assert
        Assert.Null(result);
        Assert.Equal(before, _graph.Profiles[ada]);
    }

    [Fact]
    public async Task UnmarkSharedAsync_AfterMarkShared_LinksEveryoneItJoinedAgain()
    {
        // Arrange
        var sut = CreateSut();
        var (ada, grace) = await MergedByPhone(sut);
        await sut.MarkSharedAsync(PhoneKey);
        Assert.False(_graph.ProfileOf.ContainsKey(PhoneKey));
        Assert.Equal(grace, _graph.ProfileOf[IdentityKey.ForEmail("grace@example.com")]);

        // Act
        var result = await sut.UnmarkSharedAsync(PhoneKey);

        // Assert
        Assert.NotNull(result);
        Assert.Equal([grace], result.Retired);
        Assert.Equal(ada, _graph.ProfileOf[PhoneKey]);
        Assert.Equal(ada, _graph.ProfileOf[IdentityKey.ForEmail("grace@example.com")]);
        Assert.Equal(3, _graph.Profiles[ada].Events.Count);
    }

    [Fact]
    public async Task UnmarkSharedAsync_IdentifierNotMarkedShared_ReturnsNullAndChangesNothing()
    {
        // Arrange
        var sut = CreateSut();
        var (ada, _) = await MergedByPhone(sut);

        // Act
        var result = await sut.UnmarkSharedAsync(PhoneKey);

        // Assert
        Assert.Null(result);
        Assert.Equal(ada, _graph.ProfileOf[PhoneKey]);
        Assert.Equal(0, _graph.Conflicts);
    }
}
