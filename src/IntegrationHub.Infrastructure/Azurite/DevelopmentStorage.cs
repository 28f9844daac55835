namespace IntegrationHub.Infrastructure.Azurite;

/// <summary>Azurite's well-known account, and recognising connection strings that point at it.</summary>
public static class DevelopmentStorage
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's published, well-known key (not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>An explicit connection string for an Azurite listening on 127.0.0.1 at the given ports.</summary>
    public static string ConnectionString(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};"
        + $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};"
        + $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    /// <summary>Recognises <c>UseDevelopmentStorage=true</c> (ports 10000–10002) and explicit <c>devstoreaccount1</c>
    /// connection strings whose three endpoints are on 127.0.0.1 or localhost.</summary>
    public static bool TryParse(string? connectionString, out AzuriteEndpoints endpoints)
    {
        endpoints = AzuriteEndpoints.Default;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }
        var settings = Settings(connectionString);
        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            return string.Equals(development, "true", StringComparison.OrdinalIgnoreCase);
        }
        if (!string.Equals(settings.GetValueOrDefault("AccountName"), AccountName, StringComparison.Ordinal)
            || Loopback(settings.GetValueOrDefault("BlobEndpoint")) is not { } blob
            || Loopback(settings.GetValueOrDefault("QueueEndpoint")) is not { } queue
            || Loopback(settings.GetValueOrDefault("TableEndpoint")) is not { } table)
        {
            return false;
        }
        endpoints = new AzuriteEndpoints(blob.Host, blob.Port, queue.Port, table.Port);
        return true;
    }

    private static Dictionary<string, string> Settings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }
        return settings;
    }

    private static Uri? Loopback(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Host is "127.0.0.1" or "localhost" ? uri : null;
}
