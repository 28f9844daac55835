using IntegrationHub.Cli.Bench;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class IngestRunTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(400, 50)]
    [InlineData(1_000, 100)]
    [InlineData(9_000, 900)]
    public void PollInterval_TimeWaited_FiftyMillisecondsThenATenthOfIt(int waitedMs, int expectedMs)
    {
        var interval = IngestRun.PollInterval(TimeSpan.FromMilliseconds(waitedMs));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), interval);
    }
}
