using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Tests.Identity;

public sealed class IdentityGraphTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static IdentityGraphHarness CreateSut(Action<IdentityOptions>? configure = null)
    {
        var options = new IdentityOptions();
        configure?.Invoke(options);
        return new IdentityGraphHarness(new IdentifierPolicy(options));
    }

    private static TestEvent Event(
        string connection, string eventId, int minute, string? recordId = null, string? email = null, string? phone = null,
        string? first = null, string? anonymousId = null) =>
        new(connection, eventId, new PersonTraits(recordId, T0.AddMinutes(minute), email, first, null, phone, AnonymousId: anonymousId));

    private static readonly TestEvent Ada = Event("shop", "s1", 0, "cus_1", "ada@example.com", first: "Ada");
    private static readonly TestEvent Augusta = Event("crm", "c1", 5, "lead_7", "augusta@example.org", first: "Augusta");
    private static readonly TestEvent Bridge = Event("crm", "c2", 10, "lead_7", "ada@example.com");

    [Fact]
    public void Apply_FirstEvent_CreatesProfileNamedAfterItsHomeIdentifier()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Apply(Ada);

        // Assert: the event's own record id is its home, so it names the profile.
        var id = ProfileIds.For(IdentityKey.ForExternalId("shop", "cus_1"));
        Assert.Equal([new IdentityChange(IdentityChangeKind.Created, id, [])], result.Changes);
        Assert.Equal([id], result.Recompute);
        Assert.Equal(id, sut.Find(IdentityKey.ForEmail("ada@example.com")));
        Assert.Equal(id, sut.Find(IdentityKey.ForExternalId("shop", "cus_1")));
        Assert.Equal([new IdentityLink(IdentityKey.ForEmail("ada@example.com"), IdentityKey.ForExternalId("shop", "cus_1"), Ada.Ref)],
            sut.Profile(id).Links);
    }

    [Fact]
    public void Apply_EventLinkingTwoProfiles_MergesIntoTheEarliestAndRecordsTheLink()
    {
        // Arrange
        var sut = CreateSut();
        sut.Apply(Ada);
        sut.Apply(Augusta);
        var adaId = sut.ProfileOf(Ada)!;
        var augustaId = sut.ProfileOf(Augusta)!;

        // Act: the CRM lead now has Ada's email.
        var result = sut.Apply(Bridge);

        // Assert
        var merge = Assert.Single(result.Changes);
        Assert.Equal(IdentityChangeKind.Merged, merge.Kind);
        Assert.Equal(adaId, merge.ProfileId);
        Assert.Equal([augustaId], merge.Others);
        Assert.Equal(new IdentityLink(IdentityKey.ForEmail("ada@example.com"), IdentityKey.ForExternalId("crm", "lead_7"), Bridge.Ref), merge.LinkedBy);
        Assert.Equal([adaId], result.Recompute);
        Assert.Equal([augustaId], result.Retired);
        Assert.Equal(adaId, sut.ProfileOf(Augusta));
        Assert.Equal(adaId, IdentityGraph.ResolveId(sut.State, augustaId));
        Assert.Equal([Ada.Ref, Augusta.Ref, Bridge.Ref], sut.Profile(adaId).Events);
    }

    [Fact]
    public void Apply_SameEventsInReverseOrder_GiveTheSameSurvivorAndGraph()
    {
        // Arrange
        var forward = CreateSut().ApplyAll([Ada, Augusta, Bridge]);
        var backward = CreateSut();

        // Act
        backward.ApplyAll([Bridge, Augusta, Ada]);

        // Assert
        Assert.Equal(forward.GraphJson(), backward.GraphJson());
        Assert.Equal(forward.UnifiedJson(), backward.UnifiedJson());
    }

    [Fact]
    public void Apply_Redelivery_ChangesNothing()
    {
        // Arrange
        var sut = CreateSut().ApplyAll([Ada, Augusta]);
        var before = sut.GraphJson();

        // Act
        var result = sut.Apply(Ada);

        // Assert
        Assert.Empty(result.Changes);
        Assert.Empty(result.Recompute);
        Assert.Equal(before, sut.GraphJson());
    }

    [Fact]
    public void Apply_EarlierEventArrivingLate_RenamesAndTheOldIdStillResolves()
    {
        // Arrange
        var sut = CreateSut();
        var later = Event("shop", "s2", 30, "cus_1", "ada@example.com");
        sut.Apply(later);
        var firstId = sut.ProfileOf(later)!;
        var earlier = Event("crm", "c0", -60, "lead_1", "ada@example.com");

        // Act
        var result = sut.Apply(earlier);

        // Assert
        var rename = Assert.Single(result.Changes);
        var newId = ProfileIds.For(IdentityKey.ForExternalId("crm", "lead_1"));
        Assert.Equal(new IdentityChange(IdentityChangeKind.Renamed, firstId, [newId]), rename);
        Assert.Equal([firstId], result.Retired);
        Assert.Equal(newId, IdentityGraph.ResolveId(sut.State, firstId));
    }

    [Fact]
    public void Apply_BlockedEmail_LinksNoOne()
    {
        // Arrange: two people who both typed a placeholder address.
        var sut = CreateSut();
        var first = Event("forms", "f1", 0, "sub_1", "test@test.com");
        var second = Event("forms", "f2", 1, "sub_2", "TEST@test.com");

        // Act
        sut.ApplyAll([first, second]);

        // Assert
        Assert.NotEqual(sut.ProfileOf(first), sut.ProfileOf(second));
        Assert.Null(sut.Find(IdentityKey.ForEmail("test@test.com")));
        var excluded = Assert.Single(sut.Profile(sut.ProfileOf(first)!).Excluded);
        Assert.Equal(ExcludedIdentifier.Blocked, excluded.Reason);
    }

    [Fact]
    public void Apply_EventWithOnlyBlockedIdentifiers_BelongsToNoProfile()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Apply(Event("forms", "f1", 0, "null", "unknown@unknown.com"));

        // Assert
        Assert.Empty(result.Changes);
        Assert.Empty(sut.State.Profiles);
    }

    [Fact]
    public void Apply_IdentifierOnMoreProfilesThanAllowed_IsSharedAndLinksNone()
    {
        // Arrange: one household phone given by four people (the limit is three).
        var sut = CreateSut(o => o.MaxProfilesPerIdentifier = 3);
        var people = Enumerable.Range(1, 4)
            .Select(i => Event("shop", $"s{i}", i, $"cus_{i}", $"person{i}@example.com", "+14155552671"))
            .ToList();

        // Act
        sut.ApplyAll(people);

        // Assert
        Assert.Equal(4, people.Select(sut.ProfileOf).Distinct().Count());
        Assert.Null(sut.Find(IdentityKey.ForPhone("+14155552671")));
        Assert.All(sut.State.Profiles.Values, p =>
            Assert.Contains(p.Excluded, x => x.Identifier.Kind == IdentityKey.PhoneKind && x.Reason == ExcludedIdentifier.Shared));
    }

    [Fact]
    public void Apply_IdentifierOnAsManyProfilesAsAllowed_StillLinks()
    {
        // Arrange
        var sut = CreateSut(o => o.MaxProfilesPerIdentifier = 3);
        var people = Enumerable.Range(1, 3)
            .Select(i => Event("shop", $"s{i}", i, $"cus_{i}", $"person{i}@example.com", "+14155552671"))
            .ToList();

        // Act
        sut.ApplyAll(people);

        // Assert
        Assert.Single(people.Select(sut.ProfileOf).Distinct());
    }

    [Fact]
    public void Apply_OnePersonInManySources_IsNotSharedByTheirRecordIds()
    {
        // Arrange: the email is the only link between six systems' records; none of them is another person.
        var sut = CreateSut(o => o.MaxProfilesPerIdentifier = 2);
        var records = new[] { "shop", "crm", "support", "billing", "forms", "chat" }
            .Select((c, i) => Event(c, $"{c}-1", i, "rec_1", "ada@example.com"))
            .ToList();

        // Act
        sut.ApplyAll(records);

        // Assert
        Assert.Single(records.Select(sut.ProfileOf).Distinct());
    }

    [Fact]
    public void Apply_LinkBeyondTheEmailLimit_IsRefusedWhateverTheOrder()
    {
        // Arrange: one CRM record collects a third address; two are allowed.
        var events = new[]
        {
            Event("crm", "c1", 0, "lead_1", "one@example.com"),
            Event("crm", "c2", 1, "lead_1", "two@example.com"),
            Event("crm", "c3", 2, "lead_1", "three@example.com"),
        };
        var forward = CreateSut(o => o.MaxEmailsPerProfile = 2);
        var backward = CreateSut(o => o.MaxEmailsPerProfile = 2);

        // Act
        forward.ApplyAll(events);
        backward.ApplyAll(events.Reverse());

        // Assert: the earliest evidence wins; the third address stays data on the record but links nothing.
        Assert.Equal(forward.GraphJson(), backward.GraphJson());
        var profile = Assert.Single(forward.State.Profiles.Values);
        Assert.Equal([events[0].Ref, events[1].Ref, events[2].Ref], profile.Events);
        Assert.DoesNotContain(IdentityKey.ForEmail("three@example.com"), profile.Identifiers);
        Assert.Contains(new ExcludedIdentifier(IdentityKey.ForEmail("three@example.com"), events[2].Ref, ExcludedIdentifier.Limit), profile.Excluded);
        Assert.Contains("three@example.com", forward.UnifiedProfiles()[0].Emails);
    }

    [Fact]
    public void Unlink_WronglyLinkedIdentifier_SplitsTheProfileBack()
    {
        // Arrange
        var sut = CreateSut().ApplyAll([Ada, Augusta]);
        var before = sut.UnifiedJson();
        var adaId = sut.ProfileOf(Ada)!;
        var augustaId = sut.ProfileOf(Augusta)!;
        sut.Apply(Bridge);

        // Act: the CRM lead's email was typed wrongly.
        var result = sut.Step(IdentityGraph.Unlink(sut.State, Bridge.Ref, IdentityKey.ForEmail("ada@example.com"), sut.Policy));

        // Assert
        var split = Assert.Single(result.Changes);
        Assert.Equal(new IdentityChange(IdentityChangeKind.Split, adaId, [.. new[] { adaId, augustaId }.Order(StringComparer.Ordinal)]), split);
        Assert.Equal(augustaId, sut.ProfileOf(Bridge));
        Assert.Equal(adaId, sut.Find(IdentityKey.ForEmail("ada@example.com")));
        Assert.Equal(augustaId, sut.Find(IdentityKey.ForEmail("augusta@example.org")));
        // Bridge carried no trait but the email it is now unlinked from; that email stays on the record as data.
        Assert.NotEqual(before, sut.UnifiedJson());
        Assert.Contains(new ExcludedIdentifier(IdentityKey.ForEmail("ada@example.com"), Bridge.Ref, ExcludedIdentifier.Unlinked),
            sut.Profile(augustaId).Excluded);
    }

    [Fact]
    public void Relink_AfterUnlink_RestoresTheMergedGraph()
    {
        // Arrange
        var sut = CreateSut().ApplyAll([Ada, Augusta, Bridge]);
        var merged = sut.GraphJson();
        sut.Step(IdentityGraph.Unlink(sut.State, Bridge.Ref, IdentityKey.ForEmail("ada@example.com"), sut.Policy));

        // Act
        var result = sut.Step(IdentityGraph.Relink(sut.State, Bridge.Ref, IdentityKey.ForEmail("ada@example.com"), sut.Policy));

        // Assert
        Assert.Equal(IdentityChangeKind.Merged, Assert.Single(result.Changes).Kind);
        Assert.Equal(merged, sut.GraphJson());
    }

    [Fact]
    public void MarkShared_IdentifierHoldingTwoPeopleTogether_SplitsThemAndUnmarkRestores()
    {
        // Arrange: a team inbox used by two people.
        var sut = CreateSut();
        var first = Event("support", "t1", 0, "user_1", "team@example.com", first: "Ada");
        var second = Event("support", "t2", 1, "user_2", "team@example.com", first: "Grace");
        sut.ApplyAll([first, second]);
        var together = sut.GraphJson();

        // Act
        var marked = sut.Step(IdentityGraph.MarkShared(sut.State, IdentityKey.ForEmail("team@example.com"), sut.Policy));
        var apart = sut.State;
        var unmarked = sut.Step(IdentityGraph.UnmarkShared(sut.State, IdentityKey.ForEmail("team@example.com"), sut.Policy));

        // Assert
        Assert.Equal(IdentityChangeKind.Split, Assert.Single(marked.Changes, c => c.Kind == IdentityChangeKind.Split).Kind);
        Assert.Equal(2, apart.Profiles.Count);
        Assert.Null(IdentityGraph.Find(apart, IdentityKey.ForEmail("team@example.com")));
        Assert.Contains(unmarked.Changes, c => c.Kind == IdentityChangeKind.Merged);
        Assert.Equal(together, sut.GraphJson());
    }

    [Fact]
    public void ResolveId_UnknownId_IsNull()
    {
        // Arrange
        var sut = CreateSut().ApplyAll([Ada]);

        // Act
        var resolved = IdentityGraph.ResolveId(sut.State, "p_0123456789abcdef0123456789abcdef");

        // Assert
        Assert.Null(resolved);
    }

    [Fact]
    public void Apply_AnonymousIdThenIdentify_LinksTheDeviceActivityToThePerson()
    {
        // Arrange: page views from a cookie, then a sign-up that names the person on the same cookie.
        var sut = CreateSut();
        var browse = Event("web", "w1", 0, anonymousId: "anon-42");
        var signup = Event("web", "w2", 5, "user_9", "ada@example.com", anonymousId: "anon-42");

        // Act
        sut.ApplyAll([browse, signup]);

        // Assert
        Assert.Equal(sut.ProfileOf(browse), sut.ProfileOf(signup));
        Assert.Equal(ProfileIds.For(IdentityKey.ForAnonymousId("web", "anon-42")), sut.ProfileOf(signup));
    }

    [Fact]
    public void Rebuild_AfterOptionsChange_AppliesTheNewBlockList()
    {
        // Arrange
        var sut = CreateSut().ApplyAll([Ada, Augusta, Bridge]);
        var stricter = new IdentifierPolicy(new IdentityOptions { BlockedValues = ["ada@example.com"] });

        // Act
        var result = IdentityGraph.Rebuild(sut.State, stricter);

        // Assert
        Assert.Equal(2, result.State.Profiles.Count);
        Assert.Contains(result.Changes, c => c.Kind == IdentityChangeKind.Split);
    }
}
