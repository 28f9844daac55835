namespace IntegrationHub.Infra.Tests.Settings;

/// <summary>What one setting the code reads asks of main.bicep. <paramref name="MustSet"/> is a list of groups: the
/// template must set at least one name of every group. <paramref name="WorkerRuntime"/> is the worker runtime Flex
/// Consumption must run (it takes FUNCTIONS_WORKER_RUNTIME from functionAppConfig, not from app settings).</summary>
public sealed record SettingRequirement(
    string Origin,
    string Key,
    string Meaning,
    IReadOnlyList<IReadOnlyList<string>> MustSet,
    IReadOnlyList<string> MustNotSet,
    string? WorkerRuntime = null);
