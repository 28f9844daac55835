using IntegrationHub.Core.Ports;
using IntegrationHub.Functions.Health;
using Moq;

namespace IntegrationHub.Functions.Tests;

public sealed class GetHealthTests
{
    [Fact]
    public async Task Run_Healthy_AnswersTheReportWithSharedIdentifiersBesideTheOtherFigures()
    {
        // Arrange
        var report = new HealthReport(
            HealthReport.Healthy, new Dictionary<string, string> { ["storage"] = "ok" }, 2, UnmappedEvents: 3, DeadLetters: 0, SharedIdentifiers: 1);
        var sut = new GetHealth(Mock.Of<IHubHealth>(h => h.CheckAsync(It.IsAny<CancellationToken>()) == Task.FromResult(report)));
        var context = HttpTriggers.Request("GET", "/api/health");

        // Act
        var (status, body) = await HttpTriggers.ExecuteAsync(sut.Run(context.Request, CancellationToken.None), context);

        // Assert
        Assert.Equal(200, status);
        Assert.Equal(1, body.RootElement.GetProperty("sharedIdentifiers").GetInt64());
        Assert.Equal(3, body.RootElement.GetProperty("unmappedEvents").GetInt64());
        Assert.Equal(2, body.RootElement.GetProperty("queueDepth").GetInt64());
    }
}
