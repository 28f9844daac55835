namespace IntegrationHub.Cli.Operations;

/// <summary>An HttpClient for a running hub's API.</summary>
internal static class HubApiClient
{
    public static HttpClient Create(Uri baseAddress, string? functionsKey)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (!string.IsNullOrEmpty(functionsKey))
        {
            client.DefaultRequestHeaders.Add("x-functions-key", functionsKey);
        }
        return client;
    }
}
