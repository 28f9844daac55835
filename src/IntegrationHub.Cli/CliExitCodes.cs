namespace IntegrationHub.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
internal static class CliExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
