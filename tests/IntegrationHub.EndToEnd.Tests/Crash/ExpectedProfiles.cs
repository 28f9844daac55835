using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Shopify;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;
using Microsoft.Extensions.Options;

namespace IntegrationHub.EndToEnd.Tests.Crash;

/// <summary>The profiles the deliveries should make, worked out by Core's own normalisers and merge over every
/// delivery sent (duplicates included: merging is idempotent), shaped as the portal API shows them.</summary>
internal static class ExpectedProfiles
{
    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web);

    public static Dictionary<string, JsonObject> For(VendorTraffic traffic)
    {
        var hub = Options.Create(new HubOptions());
        var standard = new StandardWebhooksNormaliser(hub);
        var shopify = new ShopifyNormaliser(hub);
        var profiles = new Dictionary<string, UnifiedProfile>(StringComparer.Ordinal);
        foreach (var delivery in traffic.Deliveries)
        {
            var normalised = delivery.IsShopify
                ? shopify.Normalise(delivery.ToArchived(), new ConnectionOptions())
                : standard.Normalise(delivery.ToArchived(), new ConnectionOptions());
            foreach (var e in normalised.Events)
            {
                var profile = profiles.GetValueOrDefault(delivery.Email) ?? UnifiedProfile.Empty("expected");
                profiles[delivery.Email] = ProfileMerger.Merge(profile, delivery.Connection, e.Person!, e.Interaction.EventId).Profile;
            }
        }
        return profiles.ToDictionary(p => p.Key, p => WithoutId(ProfileView.From(p.Value)), StringComparer.Ordinal);
    }

    private static JsonObject WithoutId(ProfileView view)
    {
        var json = JsonSerializer.SerializeToNode(view, ApiJson)!.AsObject();
        json.Remove("id");
        return json;
    }
}
