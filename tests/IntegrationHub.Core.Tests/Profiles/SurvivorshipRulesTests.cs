using System.Text.Json;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;

namespace IntegrationHub.Core.Tests.Profiles;

public sealed class SurvivorshipRulesTests
{
    private const string ProfileId = "p_0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static SurvivorshipRules CreateSut(string field, SurvivorshipRule rule, params string[] sources) =>
        new(new Dictionary<string, FieldRule> { [field] = new(rule, sources) });

    private static UnifiedProfile MergeAll(SurvivorshipRules rules, params (string Source, string Record, int Minute, PersonTraits Traits)[] events) =>
        events.Aggregate(UnifiedProfile.Empty(ProfileId), (p, e) =>
            ProfileMerger.Merge(p, e.Source, e.Traits with { SourceRecordId = e.Record, EventTime = T0.AddMinutes(e.Minute) }, $"evt-{e.Minute}", rules).Profile);

    private static PersonTraits Company(string company) => new(null, T0, null, null, null, null, company);

    [Fact]
    public void SourcePriority_TrustedSourceOlderValue_WinsOverNewerFromOthers()
    {
        // Arrange
        var sut = CreateSut(ProfileFields.Company, SurvivorshipRule.SourcePriority, "crm", "billing");

        // Act
        var profile = MergeAll(sut, ("support", "t1", 9, Company("Acme Support Desk")), ("crm", "c1", 0, Company("Acme Ltd")), ("billing", "b1", 5, Company("ACME")));

        // Assert
        Assert.Equal(["Acme Ltd", "ACME", "Acme Support Desk"], profile.Candidates[ProfileFields.Company].Select(v => v.Value));
    }

    [Fact]
    public void SourcePriority_SameSourceTwoRecords_MostRecentWins()
    {
        // Arrange
        var sut = CreateSut(ProfileFields.Company, SurvivorshipRule.SourcePriority, "crm");

        // Act
        var profile = MergeAll(sut, ("crm", "c2", 5, Company("Newer")), ("crm", "c1", 0, Company("Older")));

        // Assert
        Assert.Equal("Newer", profile.Candidates[ProfileFields.Company][0].Value);
    }

    [Fact]
    public void MostComplete_LongerValue_WinsOverNewerShorterOne()
    {
        // Arrange
        var sut = CreateSut(ProfileFields.FirstName, SurvivorshipRule.MostComplete);
        var ada = new PersonTraits(null, T0, null, "Ada Augusta", null, null);
        var initial = new PersonTraits(null, T0, null, "A.", null, null);

        // Act
        var profile = MergeAll(sut, ("crm", "c1", 0, ada), ("shop", "s1", 9, initial));

        // Assert
        Assert.Equal("Ada Augusta", profile.Candidates[ProfileFields.FirstName][0].Value);
    }

    [Fact]
    public void FirstSeen_SameRecordUpdatedLater_KeepsItsFirstValue()
    {
        // Arrange
        var sut = CreateSut(ProfileFields.City, SurvivorshipRule.FirstSeen);
        PersonTraits City(string city) => new(null, T0, null, null, null, null, Location: new PostalLocation(city, null, null, null));

        // Act: either order.
        var forward = MergeAll(sut, ("crm", "c1", 0, City("London")), ("crm", "c1", 9, City("Paris")), ("shop", "s1", 5, City("Berlin")));
        var backward = MergeAll(sut, ("shop", "s1", 5, City("Berlin")), ("crm", "c1", 9, City("Paris")), ("crm", "c1", 0, City("London")));

        // Assert
        Assert.Equal(["London", "Berlin"], forward.Candidates[ProfileFields.City].Select(v => v.Value));
        Assert.Equal(CanonicalProfileJson.Serialise(forward), CanonicalProfileJson.Serialise(backward));
    }

    [Fact]
    public void Consent_ConfiguredRulesNeverApply_MostRecentStatementWins()
    {
        // Arrange: consent rules are refused by validation; even if given, they are ignored.
        var sut = new SurvivorshipRules(new Dictionary<string, FieldRule>
        {
            ["consent.email"] = new(SurvivorshipRule.SourcePriority, ["crm"]),
        });
        PersonTraits Consent(string status) => new(null, T0, null, null, null, null, Consents: [new ConsentStatement("email", status)]);

        // Act
        var profile = MergeAll(sut, ("crm", "c1", 0, Consent(ConsentStatuses.Subscribed)), ("mail", "m1", 5, Consent(ConsentStatuses.Unsubscribed)));

        // Assert
        Assert.Equal(ConsentStatuses.Unsubscribed, profile.Candidates["consent.email"][0].Value);
        Assert.Equal(SurvivorshipRule.MostRecent, sut.RuleFor("consent.email").Rule);
    }

    [Fact]
    public void From_Options_ReadsEachFieldsRule()
    {
        // Arrange
        var options = new IdentityOptions();
        options.Fields[ProfileFields.Company] = new FieldRuleOptions { Rule = SurvivorshipRule.SourcePriority, Sources = ["crm"] };

        // Act
        var sut = SurvivorshipRules.From(options);

        // Assert
        Assert.Equal(new FieldRule(SurvivorshipRule.SourcePriority, ["crm"]).Rule, sut.RuleFor(ProfileFields.Company).Rule);
        Assert.Equal(["crm"], sut.RuleFor(ProfileFields.Company).Sources);
        Assert.Equal(SurvivorshipRule.MostRecent, sut.RuleFor(ProfileFields.FirstName).Rule);
    }

    [Fact]
    public void ProfileView_WithRules_RanksAgainAndNamesTheRuleInTheSameJsonShape()
    {
        // Arrange: stored under the default rule, read under source priority.
        var profile = MergeAll(SurvivorshipRules.Default, ("crm", "c1", 0, Company("Acme Ltd")), ("shop", "s1", 5, Company("ACME")));
        var rules = CreateSut(ProfileFields.Company, SurvivorshipRule.SourcePriority, "crm");

        // Act
        var view = ProfileView.From(profile, rules);
        var json = JsonSerializer.SerializeToElement(view, WebJson);

        // Assert
        var company = json.GetProperty("fields").GetProperty("company");
        Assert.Equal("Acme Ltd", company.GetProperty("value").GetString());
        Assert.Equal("crm", company.GetProperty("source").GetString());
        Assert.Equal("c1", company.GetProperty("sourceRecordId").GetString());
        Assert.Equal(T0, company.GetProperty("sourceEventTime").GetDateTimeOffset());
        Assert.Equal("ACME", company.GetProperty("overruled")[0].GetProperty("value").GetString());
        Assert.Equal("sourcePriority", company.GetProperty("rule").GetString());
        Assert.Equal("mostRecent", ProfileView.From(profile).Fields[ProfileFields.Company].Rule);
    }
}
