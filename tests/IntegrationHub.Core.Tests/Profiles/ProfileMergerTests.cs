using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;

namespace IntegrationHub.Core.Tests.Profiles;

public sealed class ProfileMergerTests
{
    private const string ProfileId = "p_0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static UnifiedProfile CreateSut() => UnifiedProfile.Empty(ProfileId);

    private static PersonTraits Traits(
        string? recordId, DateTimeOffset at, string? email = null, string? first = null, string? last = null, string? phone = null) =>
        new(recordId, at, email, first, last, phone);

    private static string? WinningValue(UnifiedProfile profile, string field) =>
        profile.Candidates.TryGetValue(field, out var candidates) ? Survivorship.Winner(candidates)?.Value : null;

    [Fact]
    public void Merge_FirstEvent_SetsEveryGivenFieldWithProvenance()
    {
        // Arrange
        var profile = CreateSut();

        // Act
        var (merged, changed) = ProfileMerger.Merge(
            profile, "crm", Traits("c1", T0, "ada@example.com", "Ada", "Lovelace", "+14155552671"), "evt_1");

        // Assert
        Assert.Equal([ProfileFields.Email, ProfileFields.FirstName, ProfileFields.LastName, ProfileFields.Phone], changed);
        Assert.Equal([new FieldValue("Ada", "crm", "c1", T0)], merged.Candidates[ProfileFields.FirstName]);
        Assert.Equal("+14155552671", WinningValue(merged, ProfileFields.Phone));
        Assert.Equal(ProfileId, merged.Id);
    }

    [Fact]
    public void Merge_NewerSourceTime_WinsInEitherOrder()
    {
        // Arrange
        var older = Traits("c1", T0, first: "Ada");
        var newer = Traits("s1", T0.AddHours(1), first: "Augusta");

        // Act
        var forward = ProfileMerger.Merge(ProfileMerger.Merge(CreateSut(), "crm", older, "e1").Profile, "shop", newer, "e2").Profile;
        var backward = ProfileMerger.Merge(ProfileMerger.Merge(CreateSut(), "shop", newer, "e2").Profile, "crm", older, "e1").Profile;

        // Assert
        Assert.Equal("Augusta", WinningValue(forward, ProfileFields.FirstName));
        Assert.Equal("Augusta", WinningValue(backward, ProfileFields.FirstName));
        Assert.Equal(CanonicalProfileJson.Serialise(forward), CanonicalProfileJson.Serialise(backward));
    }

    [Fact]
    public void Merge_SameSourceTime_TieBreaksDeterministicallyOnSource()
    {
        // Arrange
        var fromShop = Traits("s1", T0, first: "Augusta");
        var fromCrm = Traits("c1", T0, first: "Ada");

        // Act
        var forward = ProfileMerger.Merge(ProfileMerger.Merge(CreateSut(), "shop", fromShop, "e1").Profile, "crm", fromCrm, "e2").Profile;
        var backward = ProfileMerger.Merge(ProfileMerger.Merge(CreateSut(), "crm", fromCrm, "e2").Profile, "shop", fromShop, "e1").Profile;

        // Assert: ordinal source order puts "crm" before "shop".
        Assert.Equal("Ada", WinningValue(forward, ProfileFields.FirstName));
        Assert.Equal("Ada", WinningValue(backward, ProfileFields.FirstName));
    }

    [Fact]
    public void Merge_SameRecordTwice_KeepsOnlyItsLatestValue()
    {
        // Arrange
        var profile = ProfileMerger.Merge(CreateSut(), "crm", Traits("c1", T0.AddHours(1), first: "Augusta"), "e2").Profile;

        // Act: an older update of the same record arrives late.
        var (merged, changed) = ProfileMerger.Merge(profile, "crm", Traits("c1", T0, first: "Ada"), "e1");

        // Assert
        Assert.Equal([new FieldValue("Augusta", "crm", "c1", T0.AddHours(1))], merged.Candidates[ProfileFields.FirstName]);
        Assert.Empty(changed);
    }

    [Fact]
    public void Merge_SameRecordNewerValue_ReplacesItAndReportsTheField()
    {
        // Arrange
        var profile = ProfileMerger.Merge(CreateSut(), "crm", Traits("c1", T0, "ada@example.com", "Ada"), "e1").Profile;

        // Act
        var (merged, changed) = ProfileMerger.Merge(profile, "crm", Traits("c1", T0.AddHours(1), "ada@example.com", "Augusta"), "e2");

        // Assert
        Assert.Equal([ProfileFields.FirstName], changed);
        Assert.Equal([new FieldValue("Augusta", "crm", "c1", T0.AddHours(1))], merged.Candidates[ProfileFields.FirstName]);
    }

    [Fact]
    public void Merge_OlderValueFromOtherSource_KeepsItAsCandidateButChangesNothing()
    {
        // Arrange
        var profile = ProfileMerger.Merge(CreateSut(), "shop", Traits("s1", T0.AddHours(1), first: "Augusta"), "e2").Profile;

        // Act
        var (merged, changed) = ProfileMerger.Merge(profile, "crm", Traits("c1", T0, first: "Ada"), "e1");

        // Assert
        Assert.Empty(changed);
        Assert.Equal(2, merged.Candidates[ProfileFields.FirstName].Count);
        Assert.Equal("Augusta", WinningValue(merged, ProfileFields.FirstName));
    }

    [Fact]
    public void Merge_SameValueFromNewerSource_ReportsNoChange()
    {
        // Arrange: the winner's provenance moves, its value does not.
        var profile = ProfileMerger.Merge(CreateSut(), "crm", Traits("c1", T0, last: "Lovelace"), "e1").Profile;

        // Act
        var (merged, changed) = ProfileMerger.Merge(profile, "shop", Traits("s1", T0.AddHours(1), last: "Lovelace"), "e2");

        // Assert
        Assert.Empty(changed);
        Assert.Equal("shop", Survivorship.Winner(merged.Candidates[ProfileFields.LastName])!.Source);
    }

    [Fact]
    public void Merge_SameEventTwice_SecondChangesNothing()
    {
        // Arrange
        var traits = Traits("c1", T0, "ada@example.com", "Ada", "Lovelace");
        var once = ProfileMerger.Merge(CreateSut(), "crm", traits, "e1").Profile;

        // Act
        var (twice, changed) = ProfileMerger.Merge(once, "crm", traits, "e1");

        // Assert
        Assert.Empty(changed);
        Assert.Equal(CanonicalProfileJson.Serialise(once), CanonicalProfileJson.Serialise(twice));
    }

    [Fact]
    public void Merge_EmailsAndExternalIds_AreSortedUnions()
    {
        // Arrange
        var profile = CreateSut();

        // Act
        profile = ProfileMerger.Merge(profile, "shop", Traits("s9", T0, "zed@example.com"), "e1").Profile;
        profile = ProfileMerger.Merge(profile, "crm", Traits("c1", T0.AddHours(1), "ada@example.com"), "e2").Profile;
        profile = ProfileMerger.Merge(profile, "shop", Traits("s9", T0.AddHours(2), "ada@example.com"), "e3").Profile;

        // Assert
        Assert.Equal(["ada@example.com", "zed@example.com"], profile.Emails);
        Assert.Equal(["crm:c1", "shop:s9"], profile.ExternalIds);
        Assert.Equal("ada@example.com", WinningValue(profile, ProfileFields.Email));
    }

    [Fact]
    public void Merge_NoRecordId_UsesEventIdAsSourceRecordAndAddsNoExternalId()
    {
        // Arrange
        var profile = CreateSut();

        // Act
        var (merged, _) = ProfileMerger.Merge(profile, "forms", Traits(null, T0, "ada@example.com", "Ada"), "evt_42");

        // Assert
        Assert.Equal("evt_42", merged.Candidates[ProfileFields.FirstName][0].SourceRecordId);
        Assert.Empty(merged.ExternalIds);
        Assert.Equal(["ada@example.com"], merged.Emails);
    }

    [Fact]
    public void Merge_AbsentField_LeavesEarlierValueInPlace()
    {
        // Arrange
        var profile = ProfileMerger.Merge(CreateSut(), "crm", Traits("c1", T0, phone: "+14155552671"), "e1").Profile;

        // Act
        var (merged, changed) = ProfileMerger.Merge(profile, "crm", Traits("c1", T0.AddHours(1), first: "Ada"), "e2");

        // Assert
        Assert.Equal([ProfileFields.FirstName], changed);
        Assert.Equal("+14155552671", WinningValue(merged, ProfileFields.Phone));
    }

    [Fact]
    public void Merge_DoesNotMutateTheProfileItWasGiven()
    {
        // Arrange
        var profile = ProfileMerger.Merge(CreateSut(), "crm", Traits("c1", T0, "ada@example.com", "Ada"), "e1").Profile;
        var before = CanonicalProfileJson.Serialise(profile);

        // Act
        _ = ProfileMerger.Merge(profile, "shop", Traits("s1", T0.AddHours(1), "grace@example.com", "Grace"), "e2");

        // Assert
        Assert.Equal(before, CanonicalProfileJson.Serialise(profile));
    }
}
