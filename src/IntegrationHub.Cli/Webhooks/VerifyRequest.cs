namespace IntegrationHub.Cli.Webhooks;

/// <summary>What <c>hub webhooks verify</c> was asked to check.</summary>
internal sealed record VerifyRequest(
    string Provider,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<string> PublicKeys,
    string? Url,
    string Method,
    string? Now,
    IReadOnlyList<string> Headers,
    IReadOnlyList<string> Settings,
    FileInfo BodyFile);
