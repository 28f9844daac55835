using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Mailgun;

/// <summary>How one Mailgun event type maps onto the canonical model. The person is always the event's
/// <c>recipient</c>.</summary>
/// <param name="InteractionType">The canonical type (<see cref="InteractionTypes"/>).</param>
/// <param name="Applies">Whether an event of this type is mapped at all (a temporary failure is not).</param>
/// <param name="Summary">A short description from <c>event-data</c>, without personal data.</param>
/// <param name="EmailConsent">The <see cref="ConsentStatuses"/> value the event states for the email channel, or null.</param>
internal sealed record MailgunEventMapping(
    string InteractionType,
    Func<JsonElement, bool> Applies,
    Func<JsonElement, string> Summary,
    Func<JsonElement, string?> EmailConsent);
