using System.Security.Cryptography;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors;

/// <summary>The scheme most vendors share: one header holding the HMAC of the raw body alone, keyed by the secret's UTF-8
/// text, written as hex or base64 after an optional prefix (<c>sha256=</c>). Nothing else is signed, so there is no
/// replay window to enforce.</summary>
/// <param name="Header">The header carrying the signature.</param>
/// <param name="Prefix">Text before the signature, e.g. <c>sha256=</c>; empty when there is none.</param>
/// <param name="Algorithm">The HMAC's hash: SHA-256, or SHA-1 where that is the vendor's choice.</param>
/// <param name="Encoding">How the signature bytes are written.</param>
/// <param name="SecretName">What the vendor calls the secret, for the refusal's detail (e.g. <c>client secret</c>).</param>
public sealed record BodySignatureScheme(
    string Header, string Prefix, HashAlgorithmName Algorithm, SignatureEncoding Encoding, string SecretName)
{
    /// <summary>Checks the request's signature against each secret; returns the problem, or null when it is valid.</summary>
    public WebhookProblem? Check(WebhookRequest request, IReadOnlyList<string> secrets)
    {
        var signature = request.Header(Header);
        if (string.IsNullOrEmpty(signature))
        {
            return WebhookProblem.MissingSignature($"The {Header} header is missing.");
        }
        if (!signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return WebhookProblem.InvalidSignature($"The {Header} header does not start with {Prefix}.");
        }
        return SecretHmac.AnyMatches(Algorithm, secrets, request.Body.Span, signature.AsSpan(Prefix.Length), Encoding)
            ? null
            : WebhookProblem.InvalidSignature($"The {Header} signature matches no configured {SecretName}.");
    }
}
