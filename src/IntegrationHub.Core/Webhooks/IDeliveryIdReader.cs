namespace IntegrationHub.Core.Webhooks;

/// <summary>Reads the id a vendor writes into the body of its deliveries (Stripe's event <c>id</c>, Mailgun's signed
/// token). A verifier names the reader and the caller runs it once, on a verified delivery, so reading the body for an id
/// is never part of what verification costs.</summary>
public interface IDeliveryIdReader
{
    /// <summary>The vendor's id for the delivery, or null when the body carries none that can serve (the id is then
    /// derived from the content).</summary>
    string? Read(ReadOnlySpan<byte> body);
}
