using System.Globalization;
using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.SendGrid;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;
using static IntegrationHub.Benchmarks.Payload;

namespace IntegrationHub.Benchmarks.Deliveries;

/// <summary>SendGrid's signed Event Webhook: ECDSA P-256 / SHA-256 over timestamp + body, with a key generated here.
/// The primitive is the ECDSA verification (hash included) with the key already imported.</summary>
public static class SendGridDelivery
{
    public static SignedDelivery Create(int bytes)
    {
        var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var seconds = SignedDelivery.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Sized(bytes, """[{"email":"ada@example.com","event":"delivered","sg_event_id":"ZGVsaXZlcmVk","response":"{FILL}","timestamp":1795426200}]""");
        var signed = Utf8(seconds + body);
        var signature = signer.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var verifier = ECDsa.Create();
        verifier.ImportSubjectPublicKeyInfo(signer.ExportSubjectPublicKeyInfo(), out _);
        return new SignedDelivery(
            new SendGridVerifier(Options.Create(new HubOptions())),
            new WebhookRequest("email", "POST", new Uri("https://hub.example.com/api/webhooks/email"),
                Headers((SendGridProvider.SignatureHeader, Convert.ToBase64String(signature)), (SendGridProvider.TimestampHeader, seconds)), Utf8(body)),
            new ConnectionOptions { Provider = SendGridProvider.Id, PublicKeys = [Convert.ToBase64String(signer.ExportSubjectPublicKeyInfo())] },
            () => verifier.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence) ? 1 : 0);
    }
}
