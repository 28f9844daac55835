namespace IntegrationHub.Core.Workflows.Replay;

public sealed record ReadReplayPageInput(string Connection, DateTimeOffset From, DateTimeOffset To, string? Cursor, int PageSize);
