using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Tests.Identity;

public sealed class IdentifierPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static IdentifierPolicy CreateSut(Action<IdentityOptions>? configure = null, string region = "US")
    {
        var options = new IdentityOptions();
        configure?.Invoke(options);
        return new IdentifierPolicy(options, region);
    }

    [Theory]
    [InlineData("  A.da+News@GMail.com ", "a.da+news@gmail.com")]
    [InlineData("Jos\u0065\u0301@example.com", "jos\u00e9@example.com")]
    public void Email_Default_NormalisesButKeepsDotsAndTags(string value, string expected)
    {
        // Act
        var email = CreateSut().Email(value);

        // Assert
        Assert.Equal(expected, email);
    }

    [Theory]
    [InlineData("A.da+news@gmail.com", "ada@gmail.com")]
    [InlineData("a.d.a@gmail.com", "ada@gmail.com")]
    [InlineData("a.da+news@example.com", "a.da+news@example.com")]
    [InlineData("+news@gmail.com", "+news@gmail.com")]
    public void Email_ProviderRulesForConfiguredDomains_DropDotsAndTagsThereOnly(string value, string expected)
    {
        // Arrange
        var sut = CreateSut(o =>
        {
            o.EmailIgnoreDotsDomains.Add("Gmail.com");
            o.EmailIgnorePlusTagDomains.Add("gmail.com");
        });

        // Act
        var email = sut.Email(value);

        // Assert
        Assert.Equal(expected, email);
    }

    [Fact]
    public void Phone_NationalNumber_UsesTheDefaultRegion()
    {
        // Act
        var phone = CreateSut(region: "GB").Phone("020 7946 0958");

        // Assert
        Assert.Equal("+442079460958", phone);
    }

    [Fact]
    public void Identifiers_AllKinds_AreNormalisedAndScopedToTheConnection()
    {
        // Arrange
        var traits = new PersonTraits(" contact:123 ", T0, "Ada@Example.com", null, null, "(415) 555-2671", AnonymousId: "dev-9");

        // Act
        var keys = CreateSut().Identifiers("hubspot", traits);

        // Assert
        Assert.Equal(
            [
                IdentityKey.ForEmail("ada@example.com"),
                IdentityKey.ForPhone("+14155552671"),
                IdentityKey.ForExternalId("hubspot", "contact:123"),
                IdentityKey.ForAnonymousId("hubspot", "dev-9"),
            ],
            keys);
        Assert.Equal("hubspot", keys[2].Connection);
    }

    [Fact]
    public void EventFor_Identifiers_PutTheEventsOwnRecordFirst()
    {
        // Act
        var e = CreateSut().EventFor("shop", "evt_1", new PersonTraits("cus_1", T0, "ada@example.com", null, null, null, AnonymousId: "d1"));

        // Assert
        Assert.Equal(IdentityKey.ForExternalId("shop", "cus_1"), e.Identifiers[0]);
        Assert.Equal(new EventRef("shop", "evt_1"), e.Ref);
        Assert.Equal(T0, e.Time);
    }

    [Theory]
    [InlineData(IdentityKey.EmailKind, "test@test.com")]
    [InlineData(IdentityKey.EmailKind, "noreply@shop.example")]
    [InlineData(IdentityKey.EmailKind, "unknown@example.org")]
    [InlineData(IdentityKey.PhoneKind, "+440000000000")]
    [InlineData(IdentityKey.PhoneKind, "+11111111111")]
    [InlineData(IdentityKey.PhoneKind, "+11234567890")]
    [InlineData(IdentityKey.ExternalKind, "crm:null")]
    [InlineData(IdentityKey.ExternalKind, "crm:N/A")]
    [InlineData(IdentityKey.ExternalKind, "crm:unknown")]
    [InlineData(IdentityKey.AnonymousKind, "web:undefined")]
    [InlineData(IdentityKey.ExternalKind, "crm: ")]
    public void IsBlocked_Placeholder_IsTrue(string kind, string value)
    {
        // Act
        var blocked = CreateSut().IsBlocked(new IdentityKey(kind, value));

        // Assert
        Assert.True(blocked);
    }

    [Theory]
    [InlineData(IdentityKey.EmailKind, "ada@example.com")]
    [InlineData(IdentityKey.PhoneKind, "+14155552671")]
    [InlineData(IdentityKey.ExternalKind, "crm:lead_0")]
    [InlineData(IdentityKey.ExternalKind, "hubspot:contact:123")]
    public void IsBlocked_RealIdentifier_IsFalse(string kind, string value)
    {
        // Act
        var blocked = CreateSut().IsBlocked(new IdentityKey(kind, value));

        // Assert
        Assert.False(blocked);
    }

    [Fact]
    public void IsBlocked_DefaultPlaceholdersTurnedOff_LinksThem()
    {
        // Act
        var blocked = CreateSut(o => o.BlockDefaultPlaceholders = false).IsBlocked(IdentityKey.ForEmail("test@test.com"));

        // Assert
        Assert.False(blocked);
    }

    [Fact]
    public void IsBlocked_ConfiguredValuesAndPatterns_AreBlocked()
    {
        // Arrange
        var sut = CreateSut(o =>
        {
            o.BlockedValues.Add("Front-Desk@Hotel.example");
            o.BlockedValues.Add("guest");
            o.BlockedPatterns.Add("@mailinator\\.com$");
        });

        // Act and assert
        Assert.True(sut.IsBlocked(IdentityKey.ForEmail("front-desk@hotel.example")));
        Assert.True(sut.IsBlocked(IdentityKey.ForExternalId("pms", "guest")));
        Assert.True(sut.IsBlocked(IdentityKey.ForEmail("someone@MAILINATOR.com")));
        Assert.False(sut.IsBlocked(IdentityKey.ForEmail("someone@example.com")));
    }

    [Fact]
    public void LimitFor_EachBucket_ReadsItsOption()
    {
        // Arrange
        var sut = CreateSut(o =>
        {
            o.MaxEmailsPerProfile = 2;
            o.MaxPhonesPerProfile = 3;
            o.MaxExternalIdsPerConnection = 4;
            o.MaxAnonymousIdsPerProfile = 5;
        });

        // Act and assert
        Assert.Equal(2, sut.LimitFor(IdentifierPolicy.Bucket(IdentityKey.ForEmail("a@b.example"))));
        Assert.Equal(3, sut.LimitFor(IdentifierPolicy.Bucket(IdentityKey.ForPhone("+14155552671"))));
        Assert.Equal(4, sut.LimitFor(IdentifierPolicy.Bucket(IdentityKey.ForExternalId("crm", "1"))));
        Assert.Equal(5, sut.LimitFor(IdentifierPolicy.Bucket(IdentityKey.ForAnonymousId("web", "d"))));
        Assert.NotEqual(IdentifierPolicy.Bucket(IdentityKey.ForExternalId("crm", "1")), IdentifierPolicy.Bucket(IdentityKey.ForExternalId("shop", "1")));
    }
}
