using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.SendGrid;

/// <summary>How one SendGrid event type maps onto the canonical model. The person is always the event's <c>email</c>.</summary>
/// <param name="InteractionType">The canonical type (<see cref="InteractionTypes"/>).</param>
/// <param name="Summary">A short description from the event, without personal data.</param>
/// <param name="EmailConsent">The <see cref="ConsentStatuses"/> value the event states for the email channel, or null
/// when it states none.</param>
internal sealed record SendGridEventMapping(
    string InteractionType,
    Func<JsonElement, string> Summary,
    Func<JsonElement, string?> EmailConsent);
