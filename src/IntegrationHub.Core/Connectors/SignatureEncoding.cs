namespace IntegrationHub.Core.Connectors;

/// <summary>How a vendor writes signature bytes as text.</summary>
public enum SignatureEncoding
{
    Hex,
    Base64,
}
