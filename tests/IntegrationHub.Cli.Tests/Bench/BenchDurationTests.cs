using IntegrationHub.Cli.Bench;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class BenchDurationTests
{
    [Theory]
    [InlineData("60s", 60_000)]
    [InlineData("3s", 3_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("90", 90_000)]
    [InlineData("00:01:30", 90_000)]
    public void TryParse_WrittenDuration_Milliseconds(string text, double milliseconds)
    {
        Assert.True(BenchDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5s")]
    [InlineData("5 parsecs")]
    public void TryParse_NotADuration_False(string text)
    {
        Assert.False(BenchDuration.TryParse(text, out _));
    }
}
