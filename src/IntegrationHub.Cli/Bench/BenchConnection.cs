namespace IntegrationHub.Cli.Bench;

/// <summary>A connection the load generator sends to: its name in <c>Hub:Connections</c>, its provider and the secret
/// it signs with.</summary>
internal sealed record BenchConnection(string Name, string Provider, string Secret);
