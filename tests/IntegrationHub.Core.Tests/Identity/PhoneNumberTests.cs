using IntegrationHub.Core.Identity;

namespace IntegrationHub.Core.Tests.Identity;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("415.555.2671", "US", "+14155552671")]
    [InlineData("+1 415 555 2671", "GB", "+14155552671")]
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("+44 20 7946 0958", "US", "+442079460958")]
    [InlineData("030 901820", "DE", "+4930901820")]
    public void Normalise_ValidNumber_ReturnsE164(string value, string region, string expected)
    {
        // Act
        var normalised = PhoneNumber.Normalise(value, region);

        // Assert
        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("12")]
    [InlineData("not a phone")]
    [InlineData("(415) 555-26")]
    [InlineData("+999 123 456 789")]
    public void Normalise_InvalidNumber_ReturnsNull(string? value)
    {
        // Act
        var normalised = PhoneNumber.Normalise(value, "US");

        // Assert
        Assert.Null(normalised);
    }

    [Fact]
    public void Normalise_LowercaseRegion_ReadsLikeUppercase()
    {
        // Arrange: HubOptions.DefaultPhoneRegion only checks for two letters, so "us" is accepted configuration;
        // libphonenumber itself only knows upper-case region codes.
        const string local = "(415) 555-2671";

        // Act
        var normalised = PhoneNumber.Normalise(local, "us");

        // Assert
        Assert.Equal("+14155552671", normalised);
    }

    [Fact]
    public void Normalise_SameNumberWrittenTwoWays_GivesSameValue()
    {
        // Act
        var local = PhoneNumber.Normalise("(415) 555-2671", "US");
        var international = PhoneNumber.Normalise("+14155552671", "FR");

        // Assert
        Assert.NotNull(local);
        Assert.Equal(local, international);
    }
}
