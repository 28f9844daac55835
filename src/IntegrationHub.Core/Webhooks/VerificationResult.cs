using IntegrationHub.Core.Connectors;

namespace IntegrationHub.Core.Webhooks;

/// <summary>The outcome of checking a delivery's signature. A valid result says where the delivery's id comes from — the
/// vendor's id when verification already holds it (a header's text, taken as it is), a reader for an id in the body, or
/// neither (the id is derived from the content) — and <see cref="DeliveryIdFor"/> resolves it, so verification costs
/// only its signature primitive. A value type: returning any valid result allocates nothing.</summary>
public readonly record struct VerificationResult
{
    private VerificationResult(bool isValid, string? deliveryId, IDeliveryIdReader? bodyDeliveryId, WebhookProblem? problem)
    {
        IsValid = isValid;
        DeliveryId = deliveryId;
        BodyDeliveryId = bodyDeliveryId;
        Problem = problem;
    }

    public bool IsValid { get; }

    /// <summary>The id the vendor assigned, when verification already holds it (a header, a signed token); null when the id
    /// is in the body or derived from the content. Use <see cref="DeliveryIdFor"/> for the delivery's id.</summary>
    public string? DeliveryId { get; }

    /// <summary>Reads the vendor's id from the body, for vendors that put it there; null otherwise.</summary>
    public IDeliveryIdReader? BodyDeliveryId { get; }

    /// <summary>Why the delivery was refused; null when it is valid.</summary>
    public WebhookProblem? Problem { get; }

    /// <summary>True when the vendor sends no id for the delivery at all: its id is derived from the body's content.</summary>
    public bool IsContentDerived => IsValid && DeliveryId is null && BodyDeliveryId is null;

    /// <summary>A valid delivery whose id the vendor sent where verification read it.</summary>
    public static VerificationResult Valid(string deliveryId) => new(true, deliveryId, null, null);

    /// <summary>A valid delivery whose vendor sends no id: <see cref="DeliveryIdFor"/> derives one from the body.</summary>
    public static VerificationResult ValidWithoutId() => new(true, null, null, null);

    /// <summary>A valid delivery whose vendor writes its id into the body; the body's content stands in when it does not.</summary>
    public static VerificationResult ValidWithIdInBody(IDeliveryIdReader reader) => new(true, null, reader, null);

    public static VerificationResult Invalid(WebhookProblem problem) => new(false, null, null, problem);

    /// <summary>The delivery's id: the vendor's, else one derived from <paramref name="body"/> (the bytes that were
    /// verified), so a vendor's retries of the same delivery dedupe onto one id.</summary>
    /// <exception cref="InvalidOperationException">The delivery is not valid.</exception>
    public string DeliveryIdFor(ReadOnlySpan<byte> body)
    {
        if (!IsValid)
        {
            throw new InvalidOperationException("An invalid delivery has no delivery id.");
        }
        return DeliveryId ?? BodyDeliveryId?.Read(body) ?? ContentDeliveryId.For(body);
    }
}
