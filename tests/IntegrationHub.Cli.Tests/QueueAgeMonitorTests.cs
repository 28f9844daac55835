using IntegrationHub.Cli.Serve;
using IntegrationHub.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Cli.Tests;

public sealed class QueueAgeMonitorTests
{
    private readonly CapturingLogger _logger = new();

    [Theory]
    [InlineData(301, true)]
    [InlineData(299, false)]
    public async Task CheckOnceAsync_OldestMessageAge_WarnsOnlyPastTheThreshold(double ageSeconds, bool warns)
    {
        var sut = CreateSut(new HealthReport(HealthReport.Healthy, new Dictionary<string, string>(), 12, 0, ageSeconds, 0));

        var warned = await sut.CheckOnceAsync(CancellationToken.None);

        Assert.Equal(warns, warned);
        Assert.Equal(warns ? 1 : 0, _logger.Warnings.Count);
        if (warns)
        {
            Assert.Contains("301", _logger.Warnings[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CheckOnceAsync_StorageDown_DoesNotWarnAboutAge()
    {
        var sut = CreateSut(new HealthReport(HealthReport.Unhealthy, new Dictionary<string, string>(), null));

        Assert.False(await sut.CheckOnceAsync(CancellationToken.None));
    }

    private QueueAgeMonitor CreateSut(HealthReport report) => new(
        new FixedHealth(report),
        Options.Create(new DeliveryWorkerOptions { OldestMessageWarningAge = TimeSpan.FromMinutes(5) }),
        new FakeTimeProvider(),
        _logger);

    private sealed class FixedHealth(HealthReport report) : IHubHealth
    {
        public Task<HealthReport> CheckAsync(CancellationToken cancellationToken = default) => Task.FromResult(report);
    }

    private sealed class CapturingLogger : ILogger<QueueAgeMonitor>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
