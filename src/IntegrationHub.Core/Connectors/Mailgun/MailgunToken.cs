using System.Text;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Mailgun;

/// <summary>Reads <c>signature.token</c>, the delivery id of a verified Mailgun delivery: Mailgun signs the token, not the
/// event data, so a replayed signature dedupes onto the first delivery whatever body it arrives with.</summary>
internal sealed class MailgunToken : IDeliveryIdReader
{
    public string? Read(ReadOnlySpan<byte> body) =>
        MailgunSignatureFields.TryLocate(body, out var fields) && fields.Token is { } token && !body[token].IsEmpty
            ? Encoding.UTF8.GetString(body[token])
            : null;
}
