namespace IntegrationHub.Cli.Operations;

/// <summary>What <c>hub replay</c> was given, before it is checked.</summary>
internal sealed record ReplayArguments(string? Connection, string? From, string? To, bool Follow = true);
