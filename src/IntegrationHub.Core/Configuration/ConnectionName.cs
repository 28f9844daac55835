namespace IntegrationHub.Core.Configuration;

/// <summary>Connection names appear in URLs and storage keys, so they are kept to a safe alphabet.</summary>
public static class ConnectionName
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxLength
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
