using IntegrationHub.Core.Operations;

namespace IntegrationHub.Core.Tests.Operations;

public sealed class InstantTextTests
{
    [Theory]
    [InlineData("1763632800", "2025-11-20T10:00:00+00:00")]
    [InlineData("1763632800123", "2025-11-20T10:00:00.123+00:00")]
    [InlineData("2025-11-20T10:00:00Z", "2025-11-20T10:00:00+00:00")]
    [InlineData("2025-11-20T12:00:00+02:00", "2025-11-20T10:00:00+00:00")]
    [InlineData("2025-11-20T10:00:00", "2025-11-20T10:00:00+00:00")]
    [InlineData(" 2025-11-20 ", "2025-11-20T00:00:00+00:00")]
    public void TryParse_UnixOrIso8601_TheInstant(string text, string expected)
    {
        Assert.True(InstantText.TryParse(text, out var instant));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("99999999999999999")]
    public void TryParse_NotATime_False(string? text)
    {
        Assert.False(InstantText.TryParse(text, out _));
    }
}
