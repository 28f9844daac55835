namespace IntegrationHub.Core.Ports;

/// <summary>Reports whether the hub's storage and transport answer.</summary>
public interface IHubHealth
{
    Task<HealthReport> CheckAsync(CancellationToken cancellationToken = default);
}
