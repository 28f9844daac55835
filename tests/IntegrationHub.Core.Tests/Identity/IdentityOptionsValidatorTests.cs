using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Profiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Identity;

public sealed class IdentityOptionsValidatorTests
{
    private static IdentityOptionsValidator CreateSut() => new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        // Act
        var result = CreateSut().Validate(null, new IdentityOptions());

        // Assert
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("([a-z]")]
    [InlineData("(a)\\1")]
    [InlineData("(?=a)b")]
    [InlineData(" ")]
    public void Validate_PatternThatCannotRunInLinearTime_Fails(string pattern)
    {
        // Arrange
        var options = new IdentityOptions { BlockedPatterns = [pattern] };

        // Act
        var result = CreateSut().Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("BlockedPatterns", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("firstname", "is not a profile field")]
    [InlineData("consent.email", "consent always")]
    public void Validate_RuleForUnknownOrConsentField_Fails(string field, string message)
    {
        // Arrange
        var options = new IdentityOptions();
        options.Fields[field] = new FieldRuleOptions { Rule = SurvivorshipRule.FirstSeen };

        // Act
        var result = CreateSut().Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SourcePriorityWithoutSources_Fails()
    {
        // Arrange
        var options = new IdentityOptions();
        options.Fields["company"] = new FieldRuleOptions { Rule = SurvivorshipRule.SourcePriority };

        // Act
        var result = CreateSut().Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("Sources", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmailDomainWithAt_Fails()
    {
        // Act
        var result = CreateSut().Validate(null, new IdentityOptions { EmailIgnoreDotsDomains = ["@gmail.com"] });

        // Assert
        Assert.True(result.Failed);
    }

    [Fact]
    public void AddHubCore_IdentitySection_IsBoundIntoPolicyAndRules()
    {
        // Arrange
        using var provider = Provider(new Dictionary<string, string?>
        {
            ["Hub:DefaultPhoneRegion"] = "GB",
            ["Hub:Identity:EmailIgnoreDotsDomains:0"] = "gmail.com",
            ["Hub:Identity:MaxEmailsPerProfile"] = "2",
            ["Hub:Identity:Fields:company:Rule"] = "SourcePriority",
            ["Hub:Identity:Fields:company:Sources:0"] = "crm",
        });

        // Act
        var policy = provider.GetRequiredService<IdentifierPolicy>();
        var rules = provider.GetRequiredService<SurvivorshipRules>();

        // Assert
        Assert.Equal("ada@gmail.com", policy.Email("a.da@gmail.com"));
        Assert.Equal("+442079460958", policy.Phone("020 7946 0958"));
        Assert.Equal(2, policy.LimitFor("email"));
        Assert.Equal(SurvivorshipRule.SourcePriority, rules.RuleFor("company").Rule);
        Assert.Equal(["crm"], rules.RuleFor("company").Sources);
    }

    [Fact]
    public void AddHubCore_InvalidIdentitySection_FailsOnStart()
    {
        // Arrange
        using var provider = Provider(new Dictionary<string, string?>
        {
            ["Hub:Identity:MaxProfilesPerIdentifier"] = "0",
            ["Hub:Identity:BlockedPatterns:0"] = "([",
        });

        // Act
        var thrown = Record.Exception(() => provider.GetRequiredService<IOptions<IdentityOptions>>().Value);

        // Assert
        var failure = Assert.IsType<OptionsValidationException>(thrown);
        Assert.Contains(failure.Failures, f => f.Contains("MaxProfilesPerIdentifier", StringComparison.Ordinal));
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddHubCore()
            .BuildServiceProvider();
    }
}
