using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.EndToEnd.Tests.Crash;

/// <summary>A seeded stream of deliveries about a set of people, as two vendors send them: event times out of order,
/// some deliveries sent twice, and some Shopify events sent again under a new delivery id. The same seed gives the
/// same stream.</summary>
internal sealed class VendorTraffic
{
    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Frances", "Donald"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Thompson", "Allen", "Knuth"];
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private VendorTraffic(IReadOnlyList<VendorDelivery> deliveries, IReadOnlyList<string> emails)
    {
        Deliveries = deliveries;
        Emails = emails;
    }

    /// <summary>Every delivery in sending order, duplicates included.</summary>
    public IReadOnlyList<VendorDelivery> Deliveries { get; }

    /// <summary>Everyone the deliveries are about.</summary>
    public IReadOnlyList<string> Emails { get; }

    /// <summary>Per person, the events the hub should keep: one per (connection, event id), however often sent.</summary>
    public IReadOnlyDictionary<string, int> DistinctEventsPerEmail => Deliveries
        .DistinctBy(d => (d.Connection, d.EventId))
        .GroupBy(d => d.Email)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <param name="people">How many people.</param>
    /// <param name="events">How many distinct events; every person gets at least one.</param>
    /// <param name="seed">The random seed.</param>
    public static VendorTraffic Generate(int people, int events, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, people);
        var random = new Random(seed);
        var emails = Enumerable.Range(0, people).Select(p => $"person{p:D4}@crash.example").ToArray();
        // A distinct minute per event, shuffled, so send order and event order disagree and no two events tie.
        var minutes = Enumerable.Range(0, events).ToArray();
        random.Shuffle(minutes);

        var originals = new VendorDelivery[events];
        for (var k = 0; k < events; k++)
        {
            var person = k < people ? k : random.Next(people);
            var at = Epoch.AddMinutes(minutes[k]);
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            // Each person's own number, and now and then the one they moved to: no two people share a phone, so every
            // person is one profile and the profiles can be worked out by email (the identity graph's handling of
            // shared identifiers has its own tests).
            var phone = $"(415) 555-{(random.NextDouble() < 0.1 ? 6000 : 2000) + person:D4}";
            originals[k] = random.NextDouble() < 0.35
                ? Shopify(k, person, emails[person], at, first, last, phone)
                : Standard(k, person, emails[person], at, first, last, phone);
        }
        random.Shuffle(originals);

        // Vendors redeliver: the same delivery again, and Shopify the same event under a new webhook id, a little later
        // (sometimes at once, so both copies are in flight together).
        var sends = new List<(double Order, VendorDelivery Delivery)>(events * 5 / 4);
        for (var i = 0; i < originals.Length; i++)
        {
            var original = originals[i];
            sends.Add((i, original));
            var again = random.NextDouble() switch
            {
                < 0.10 => original,
                < 0.25 when original.IsShopify => original with
                {
                    DeliveryId = original.DeliveryId + "-again",
                    Headers = new Dictionary<string, string>(original.Headers) { ["X-Shopify-Webhook-Id"] = original.DeliveryId + "-again" },
                },
                _ => null,
            };
            if (again is not null)
            {
                sends.Add((i + random.Next(200) + 0.5, again));
            }
        }
        return new VendorTraffic([.. sends.OrderBy(s => s.Order).Select(s => s.Delivery)], emails);
    }

    /// <summary>One more delivery, about someone the generated stream never mentions.</summary>
    public static VendorDelivery Stranded() =>
        Standard(99_999, 99_999, "stranded@crash.example", Epoch, "Stranded", "Delivery", "(415) 555-2699");

    private static VendorDelivery Standard(int k, int person, string email, DateTimeOffset at, string first, string last, string phone)
    {
        var deliveryId = $"msg_crash_{k:D5}";
        var body = StandardWebhooksSender.ContactEvent(k % 3 == 0 ? "contact.created" : "contact.updated", at, $"crm-{person}", email, first, last, phone);
        return new VendorDelivery(VendorDelivery.StandardConnection, deliveryId, deliveryId, email, at, body,
            new Dictionary<string, string> { ["webhook-id"] = deliveryId });
    }

    private static VendorDelivery Shopify(int k, int person, string email, DateTimeOffset at, string first, string last, string phone)
    {
        var time = at.ToString("O", CultureInfo.InvariantCulture);
        var body = JsonSerializer.Serialize(new
        {
            id = 7_000_000 + person,
            email,
            first_name = first,
            last_name = last,
            phone,
            updated_at = time,
        });
        var deliveryId = $"wh-crash-{k:D5}";
        var eventId = $"ev-crash-{k:D5}";
        return new VendorDelivery(VendorDelivery.ShopifyConnection, deliveryId, eventId, email, at, body, new Dictionary<string, string>
        {
            ["X-Shopify-Topic"] = "customers/update",
            ["X-Shopify-Webhook-Id"] = deliveryId,
            ["X-Shopify-Event-Id"] = eventId,
            ["X-Shopify-Triggered-At"] = time,
        });
    }
}
