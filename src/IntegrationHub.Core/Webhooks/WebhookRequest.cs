namespace IntegrationHub.Core.Webhooks;

/// <summary>A delivery exactly as it arrived: verification always runs on these raw bytes.</summary>
/// <param name="Connection">The configured connection the delivery was posted to.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Url">The full request URL as the sender addressed it (some vendors sign it).</param>
/// <param name="Headers">Request headers; look-ups ignore case.</param>
/// <param name="Body">The raw body bytes.</param>
public sealed record WebhookRequest(
    string Connection,
    string Method,
    Uri Url,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
