using IntegrationHub.Cli.Bench;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class IngestRecorderTests
{
    [Fact]
    public void Result_AnswersTrailPastTheSchedule_AcceptedPerSecondOverTheLongerWindow()
    {
        var time = new FakeTimeProvider();
        var start = time.GetTimestamp();
        var sut = new IngestRecorder();
        for (var i = 0; i < 10; i++)
        {
            sut.Sent();
        }
        for (var i = 0; i < 9; i++)
        {
            sut.Accepted(12, time.GetTimestamp());
        }
        time.Advance(TimeSpan.FromSeconds(2));
        sut.Failed("503", time.GetTimestamp());
        sut.Fresh(250);
        sut.FreshnessTimedOut();

        var result = sut.Result(10, start, TimeSpan.FromSeconds(1), time);

        Assert.Equal(10, result.Sent);
        Assert.Equal(9, result.Accepted);
        Assert.Equal(4.5, result.AcceptedPerSecond);
        Assert.Equal(12, result.Ack.P99);
        Assert.Equal(1, result.Errors["503"]);
        Assert.Equal(1, result.ErrorCount);
        Assert.Equal(250, result.Freshness.P50);
        Assert.Equal(1, result.FreshnessTimeouts);
    }

    [Fact]
    public void Result_AnswersAllWithinTheSchedule_AcceptedPerSecondOverTheSchedule()
    {
        var time = new FakeTimeProvider();
        var start = time.GetTimestamp();
        var sut = new IngestRecorder();
        sut.Sent();
        sut.Accepted(3, time.GetTimestamp());

        var result = sut.Result(1, start, TimeSpan.FromSeconds(4), time);

        Assert.Equal(0.25, result.AcceptedPerSecond);
    }
}
