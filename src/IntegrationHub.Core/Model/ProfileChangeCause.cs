namespace IntegrationHub.Core.Model;

/// <summary>What made the identity graph rebuild a profile: an event of a delivery (all set), or an operator's
/// correction (<see cref="Connection"/> and <see cref="EventId"/> name the event it concerns, if it concerns one; no
/// delivery).</summary>
public sealed record ProfileChangeCause(string? Connection, string? EventId, string? DeliveryId, DateTimeOffset OccurredAt)
{
    public static ProfileChangeCause Of(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return new(interaction.Source, interaction.EventId, interaction.DeliveryId, interaction.OccurredAt);
    }
}
