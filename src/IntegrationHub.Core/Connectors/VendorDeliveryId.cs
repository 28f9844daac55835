using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors;

/// <summary>A vendor's own delivery id, as a header or the body carries it. Longer ids are not used: even fully escaped
/// (three characters each) an id must fit a 512-character table key.</summary>
public static class VendorDeliveryId
{
    public const int MaxLength = 128;

    /// <summary><paramref name="id"/> when it can serve as a delivery id; null when it is absent, blank or too long.</summary>
    public static string? Usable(string? id) => string.IsNullOrWhiteSpace(id) || id.Length > MaxLength ? null : id;

    /// <summary>Reads the id from a top-level string property of a JSON object body (Stripe's <c>id</c>, Slack's
    /// <c>event_id</c>); a body without a usable one gets an id derived from its content.</summary>
    public static IDeliveryIdReader InTopLevelProperty(string name) => new TopLevelProperty(name);

    private sealed class TopLevelProperty(string name) : IDeliveryIdReader
    {
        private readonly byte[] _name = System.Text.Encoding.UTF8.GetBytes(name);

        public string? Read(ReadOnlySpan<byte> body) => Usable(TopLevelJson.FindString(body, _name));
    }
}
