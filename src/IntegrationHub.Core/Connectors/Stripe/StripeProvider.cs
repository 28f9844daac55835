namespace IntegrationHub.Core.Connectors.Stripe;

/// <summary>Stripe: events POSTed to a webhook endpoint, signed in <c>Stripe-Signature</c> with the endpoint's signing
/// secret (<c>whsec_…</c>).</summary>
public static class StripeProvider
{
    public const string Id = "stripe";

    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;…][,v0=…]</c>.</summary>
    public const string SignatureHeader = "Stripe-Signature";
}
