using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Shopify;

/// <summary>How one Shopify topic maps onto the canonical model.</summary>
/// <param name="InteractionType">The canonical type for the resource (fixed for all topics but the consent ones).</param>
/// <param name="Person">Reads the person from the resource; null when it names no one.</param>
/// <param name="Summary">A short description of the resource, without personal data.</param>
internal sealed record ShopifyTopicMapping(
    Func<JsonElement, string> InteractionType,
    Func<JsonElement, ShopifyTraitContext, PersonTraits?> Person,
    Func<JsonElement, string> Summary);

/// <summary>What a person reader needs besides the resource: the event time and the region for local phone numbers.</summary>
internal readonly record struct ShopifyTraitContext(DateTimeOffset EventTime, string PhoneRegion);
