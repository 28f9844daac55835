namespace IntegrationHub.Cli.Match;

/// <summary>A problem with the arguments or the input's shape: reported in one line, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
