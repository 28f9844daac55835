using System.Text.Json;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Core.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Core.Tests.Identity;

public sealed class IdentityResolverTests
{
    private const string Phone = "+14155550123";
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IdentityKey PhoneKey = IdentityKey.ForPhone(Phone);
    private readonly InMemoryProfileStore _profiles = new();
    private readonly InMemoryTimelineStore _timeline = new();
    private readonly InMemoryProfileChangePublisher _changes = new();
    private readonly FakeTimeProvider _time = new(T0.AddDays(30));
    private readonly InMemoryIdentityGraphStore _graph;

    public IdentityResolverTests() => _graph = new InMemoryIdentityGraphStore(_profiles);

    private IdentityResolver CreateSut() =>
        new(_graph, IdentifierPolicy.Default, SurvivorshipRules.Default, _timeline, NullLogger<IdentityResolver>.Instance,
            new RebuiltProfileChanges(_profiles, _changes, _time));

    /// <summary>Resolves and merges, as the process-event workflow does.</summary>
    private async Task<string?> Resolve(IdentityResolver sut, string connection, string eventId, PersonTraits person)
    {
        var id = await sut.ResolveAsync(
            connection, person, new Interaction("contact.updated", eventId, person.EventTime, connection, "standard-webhooks", $"d_{eventId}"));
        await _profiles.UpdateAsync(id!, p => ProfileMerger.Merge(p, connection, person, eventId).Profile);
        return id;
    }

    private static PersonTraits Person(string recordId, string email, string? phone = null, int hour = 0) =>
        new(recordId, T0.AddHours(hour), email, null, null, phone);

    private static PersonTraits Ada() => Person("lead_1", "ada@example.com") with { FirstName = "Ada" };

    private static PersonTraits Grace() => Person("cus_1", "grace@example.com", Phone, hour: 1) with { LastName = "Hopper" };

    private static PersonTraits AdaWithThePhone() => Person("lead_1", "ada@example.com", Phone, hour: 2);

    /// <summary>Ada (crm) and Grace (shop) joined by a phone the CRM wrongly gave Ada on e3.</summary>
    private async Task<(string Ada, string Grace)> MergedByPhone(IdentityResolver sut)
    {
        var ada = await Resolve(sut, "crm", "e1", Ada());
        var grace = await Resolve(sut, "shop", "e2", Grace());
        Assert.Equal(ada, await Resolve(sut, "crm", "e3", AdaWithThePhone()));
        return (ada!, grace!);
    }

    [Fact]
    public async Task ResolveAsync_EventMergingTwoProfiles_PublishesTheSurvivorsChangedFieldsAndTheRetiredId()
    {
        // Arrange
        var sut = CreateSut();
        var ada = await Resolve(sut, "crm", "e1", Ada());
        var grace = await Resolve(sut, "shop", "e2", Grace());

        // Act
        await Resolve(sut, "crm", "e3", AdaWithThePhone());

        // Assert: the ordinary events are the workflow's to publish; the merge is the resolver's.
        var change = Assert.Single(_changes.Published);
        Assert.Equal((ada, RebuiltProfileChanges.Merged), (change.ProfileId, change.Reason));
        Assert.Equal([grace!], change.RetiredIds);
        Assert.Equal(("crm", "e3", "d_e3", T0.AddHours(2)), (change.Connection, change.EventId, change.DeliveryId, change.OccurredAt));
        Assert.Equal([ProfileFields.LastName, ProfileFields.Phone], change.ChangedFields);
        Assert.Equal("Hopper", change.Fields[ProfileFields.LastName].Value);
        Assert.Equal(("crm", "lead_1"), (change.Fields[ProfileFields.Phone].Source, change.Fields[ProfileFields.Phone].SourceRecordId));
        Assert.Empty(change.RemovedFields);
        Assert.False(change.Truncated);
    }

    [Fact]
    public async Task ResolveAsync_CrashAfterPublishingBeforeTheCommit_RedeliveryPublishesTheSameMessageId()
    {
        // Arrange
        var sut = CreateSut();
        await Resolve(sut, "crm", "e1", Ada());
        await Resolve(sut, "shop", "e2", Grace());
        _graph.BeforeCommit = () => throw new IOException("the worker died");
        await Assert.ThrowsAsync<IOException>(() => Resolve(sut, "crm", "e3", AdaWithThePhone()));
        _graph.BeforeCommit = null;

        // Act
        await Resolve(sut, "crm", "e3", AdaWithThePhone());
        await Resolve(sut, "crm", "e3", AdaWithThePhone());

        // Assert: sent again under the same id (consumers drop it), and a redelivery after the commit sends nothing.
        Assert.Equal(2, _changes.Published.Count);
        Assert.Single(_changes.Published.Select(c => c.MessageId).Distinct());
        Assert.Equal(
            JsonSerializer.Serialize(_changes.Published[0], ProfileChanged.JsonOptions),
            JsonSerializer.Serialize(_changes.Published[1], ProfileChanged.JsonOptions));
    }

    [Fact]
    public async Task UnlinkAsync_SplitsTheProfile_PublishesBothSidesAsAnOperatorsChange()
    {
        // Arrange
        var sut = CreateSut();
        var (ada, grace) = await MergedByPhone(sut);
        var published = _changes.Published.Count;

        // Act
        await sut.UnlinkAsync(new EventRef("crm", "e3"), PhoneKey);

        // Assert
        var changes = _changes.Published.Skip(published).ToDictionary(c => c.ProfileId);
        Assert.Equal(2, changes.Count);
        var adaSide = changes[ada];
        Assert.Equal(RebuiltProfileChanges.Split, adaSide.Reason);
        Assert.Equal([ProfileFields.LastName], adaSide.RemovedFields);
        Assert.Empty(adaSide.Fields);
        Assert.Equal(("crm", "e3", null, _time.GetUtcNow()), (adaSide.Connection, adaSide.EventId, adaSide.DeliveryId, adaSide.OccurredAt));
        var graceSide = changes[grace];
        Assert.Equal(RebuiltProfileChanges.Split, graceSide.Reason);
        Assert.Equal(
            [ProfileFields.Email, ProfileFields.LastName, ProfileFields.Phone],
            graceSide.ChangedFields);
        Assert.Equal("grace@example.com", graceSide.Fields[ProfileFields.Email].Value);
        Assert.Empty(graceSide.RetiredIds);
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
