using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Benchmarks;

/// <summary>A delivery signed exactly as its vendor signs it, with the verifier that checks it and the bare primitive the
/// scheme rests on, computed over the same bytes (the baseline).</summary>
/// <param name="Verifier">The hub's verifier for the scheme.</param>
/// <param name="Request">The signed request.</param>
/// <param name="Connection">A connection holding the one key that signed it.</param>
/// <param name="Primitive">The scheme's primitive alone (an HMAC, a hash, a signature check) on the signed bytes, with the
/// key already decoded; returns a byte of its output so it is not optimised away.</param>
public sealed record SignedDelivery(IWebhookVerifier Verifier, WebhookRequest Request, ConnectionOptions Connection, Func<int> Primitive)
{
    /// <summary>When every delivery is signed and verified, so timestamps are always inside the window.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Verifies once and throws unless the delivery is valid: a benchmark of the refusal path would mislead.</summary>
    public SignedDelivery EnsureValid()
    {
        var result = Verifier.Verify(Request, Connection, Now);
        return result.IsValid ? this : throw new InvalidOperationException($"{Verifier.Provider}: {result.Problem?.Detail}");
    }
}
