namespace IntegrationHub.Infra.Tests.Bicep;

/// <summary>What one run of the Bicep CLI printed and returned.</summary>
public sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
