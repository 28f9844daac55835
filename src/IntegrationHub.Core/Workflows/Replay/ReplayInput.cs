namespace IntegrationHub.Core.Workflows.Replay;

/// <summary>The replay workflow's input: which job, and the connection and received-time range it replays.</summary>
public sealed record ReplayInput(string JobId, string Connection, DateTimeOffset From, DateTimeOffset To);
