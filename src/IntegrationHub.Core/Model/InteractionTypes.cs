namespace IntegrationHub.Core.Model;

/// <summary>The canonical interaction types each provider maps its own event types onto.</summary>
public static class InteractionTypes
{
    public const string ProfileCreated = "profile.created";
    public const string ProfileUpdated = "profile.updated";
    public const string ProfileDeleted = "profile.deleted";
    public const string Subscribed = "subscribed";
    public const string Unsubscribed = "unsubscribed";
    public const string EmailDelivered = "email.delivered";
    public const string EmailOpened = "email.opened";
    public const string EmailClicked = "email.clicked";
    public const string EmailBounced = "email.bounced";
    public const string EmailComplained = "email.complained";
    public const string FormSubmitted = "form.submitted";
    public const string LeadCreated = "lead.created";
    public const string OrderPlaced = "order.placed";
    public const string PaymentSucceeded = "payment.succeeded";
    public const string TicketCreated = "ticket.created";
    public const string TicketUpdated = "ticket.updated";
    public const string ConversationStarted = "conversation.started";
    public const string ConversationUpdated = "conversation.updated";
    public const string MeetingBooked = "meeting.booked";
    public const string MeetingCanceled = "meeting.canceled";
    public const string MessageReceived = "message.received";
    public const string Tracked = "tracked";

    /// <summary>The hub linked two profiles by probabilistic matching (automatically, or an operator accepted it).</summary>
    public const string ProfilesMatched = "profiles.matched";
}
