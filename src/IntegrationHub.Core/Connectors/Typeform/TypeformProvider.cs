namespace IntegrationHub.Core.Connectors.Typeform;

/// <summary>Typeform: form webhooks, signed when the webhook has a <c>secret</c>.</summary>
public static class TypeformProvider
{
    public const string Id = "typeform";

    /// <summary><c>sha256=&lt;base64&gt;</c>.</summary>
    public const string SignatureHeader = "Typeform-Signature";
}
