using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Twilio;

/// <summary>Verifies <c>X-Twilio-Signature</c>: base64 HMAC-SHA1, keyed by an auth token, of the full request URL
/// followed by the form parameters sorted by name (each name then value). A JSON body is not signed directly: the URL
/// then carries <c>bodySHA256</c>, the body's hex SHA-256, which must match, and the signature covers the URL alone.
/// Like Twilio's own validators, the URL is tried both with and without its scheme's default port. Twilio signs no
/// timestamp, so there is no replay window.</summary>
public sealed class TwilioVerifier : IWebhookVerifier
{
    public string Provider => TwilioProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var signature = request.Header(TwilioProvider.SignatureHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The {TwilioProvider.SignatureHeader} header is missing."));
        }
        var url = request.Url.OriginalString;
        var body = request.Body.Span;
        var bodyHash = QueryValue(url, TwilioProvider.BodyHashParameter);
        if (bodyHash.Found)
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            HashContexts.Finish(HashContexts.Sha256(), SignedParts.BodyOnly(body), hash);
            if (!SignatureText.HexEquals(url.AsSpan(bodyHash.Value), hash))
            {
                return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
                    $"The URL's {TwilioProvider.BodyHashParameter} is not the SHA-256 of the body."));
            }
        }

        var alternate = AlternateUrl.For(url);
        var urlBytes = Encoding.UTF8.GetByteCount(url) + alternate.Inserted.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(urlBytes + body.Length);
        try
        {
            // The parameters go after the longest URL once; each URL variant is then written just before them.
            var parameters = bodyHash.Found ? 0 : TwilioFormParameters.Write(body, buffer.AsSpan(urlBytes));
            for (var pass = 0; pass < 2; pass++)
            {
                var urlLength = pass == 0 ? Encoding.UTF8.GetBytes(url, buffer) : alternate.Write(url, buffer);
                var start = urlBytes - urlLength;
                if (start > 0)
                {
                    buffer.AsSpan(0, urlLength).CopyTo(buffer.AsSpan(start));
                }
                var message = buffer.AsSpan(start, urlLength + parameters);
                if (SecretHmac.AnyMatches(HashAlgorithmName.SHA1, connection.Secrets, message, signature, SignatureEncoding.Base64))
                {
                    return request.Header(TwilioProvider.IdempotencyTokenHeader) is { Length: > 0 } idempotencyToken
                        ? VerificationResult.Valid(idempotencyToken)
                        : VerificationResult.ValidWithoutId();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
            $"{TwilioProvider.SignatureHeader} matches no configured auth token for this URL, with or without its default port."));
    }

    /// <summary>Finds a query parameter by exact name; its value is returned as written (Twilio's hex needs no decoding).</summary>
    private static (bool Found, Range Value) QueryValue(string url, string name)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal) + 1;
        if (queryStart == 0)
        {
            return (false, default);
        }
        var queryEnd = url.IndexOf('#', queryStart);
        var query = url.AsSpan(queryStart, (queryEnd < 0 ? url.Length : queryEnd) - queryStart);
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.Length > name.Length && pair[name.Length] == '=' && pair.StartsWith(name, StringComparison.Ordinal))
            {
                var (offset, length) = range.GetOffsetAndLength(query.Length);
                var valueStart = queryStart + offset + name.Length + 1;
                return (true, valueStart..(queryStart + offset + length));
            }
        }
        return (false, default);
    }

    /// <summary>The URL's other spelling: without its port if it names one, otherwise with the scheme's default port
    /// (443 for https, 80 otherwise) — Twilio has signed both, so its validators try both.</summary>
    private readonly record struct AlternateUrl(int CutStart, int CutEnd, string Inserted)
    {
        public static AlternateUrl For(string url)
        {
            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd < 0)
            {
                return new AlternateUrl(0, 0, "");
            }
            var authorityStart = schemeEnd + 3;
            var authorityLength = url.AsSpan(authorityStart).IndexOfAny('/', '?', '#');
            var authorityEnd = authorityLength < 0 ? url.Length : authorityStart + authorityLength;
            var authority = url.AsSpan(authorityStart, authorityEnd - authorityStart);
            var hostStart = authority.LastIndexOf('@') + 1;
            var colon = authority.LastIndexOf(':');
            if (colon >= hostStart && colon > authority.LastIndexOf(']'))
            {
                return new AlternateUrl(authorityStart + colon, authorityEnd, "");
            }
            var port = url.AsSpan(0, schemeEnd).Equals("https", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80";
            return new AlternateUrl(authorityEnd, authorityEnd, port);
        }

        public int Write(string url, Span<byte> destination)
        {
            var written = Encoding.UTF8.GetBytes(url.AsSpan(0, CutStart), destination);
            written += Encoding.UTF8.GetBytes(Inserted, destination[written..]);
            return written + Encoding.UTF8.GetBytes(url.AsSpan(CutEnd), destination[written..]);
        }
    }
}
