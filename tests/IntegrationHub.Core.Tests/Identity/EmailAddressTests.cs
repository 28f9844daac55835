using IntegrationHub.Core.Identity;

namespace IntegrationHub.Core.Tests.Identity;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ada@example.com", "ada@example.com")]
    [InlineData("  Ada.Lovelace@Example.COM\t", "ada.lovelace@example.com")]
    [InlineData("ADA+news@MAIL.Example.co.uk", "ada+news@mail.example.co.uk")]
    [InlineData("\u00c9MILE@example.com", "\u00e9mile@example.com")]
    public void Normalise_PlausibleAddress_TrimsNormalisesAndLowercases(string value, string expected)
    {
        // Act
        var normalised = EmailAddress.Normalise(value);

        // Assert
        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ada.example.com")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("ada@example")]
    [InlineData("ada@.com")]
    [InlineData("ada@@example.com")]
    [InlineData("ada@work@example.com")]
    [InlineData("ada lovelace@example.com")]
    [InlineData("ada@exa mple.com")]
    public void Normalise_ImplausibleAddress_ReturnsNull(string? value)
    {
        // Act
        var normalised = EmailAddress.Normalise(value);

        // Assert
        Assert.Null(normalised);
    }

    [Fact]
    public void Normalise_DecomposedAccent_ComposesToNfc()
    {
        // Arrange: "josé" typed on a system that sends e + U+0301 (NFD) and on one that sends U+00E9 (NFC) is one
        // address; EmailAddress promises NFC so both resolve to the same identity key.
        const string decomposed = "Jos\u0065\u0301@example.com";

        // Act
        var normalised = EmailAddress.Normalise(decomposed);

        // Assert
        Assert.Equal("jos\u00e9@example.com", normalised);
        Assert.Equal(EmailAddress.Normalise("jos\u00e9@example.com"), normalised);
    }

    [Fact]
    public void Normalise_SameAddressWrittenTwoWays_GivesSameValue()
    {
        // Act
        var first = EmailAddress.Normalise(" ADA@example.com");
        var second = EmailAddress.Normalise("ada@EXAMPLE.com ");

        // Assert
        Assert.NotNull(first);
        Assert.Equal(first, second);
    }
}
