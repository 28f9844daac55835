using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Stripe;

/// <summary>How one Stripe event type maps onto the canonical model.</summary>
/// <param name="InteractionType">The canonical type (<see cref="InteractionTypes"/>).</param>
/// <param name="Person">Reads the person from the event's <c>data.object</c>; null when it names no one.</param>
/// <param name="Summary">A short description from <c>data.object</c> and <c>data</c>, without personal data.</param>
internal sealed record StripeEventMapping(
    string InteractionType,
    Func<JsonElement, StripeTraitContext, PersonTraits?> Person,
    Func<JsonElement, JsonElement, string> Summary);

/// <summary>What a person reader needs besides the object: the event time and the region for local phone numbers.</summary>
internal readonly record struct StripeTraitContext(DateTimeOffset EventTime, string PhoneRegion);
