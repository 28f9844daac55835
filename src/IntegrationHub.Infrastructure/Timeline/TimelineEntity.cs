using System.Globalization;
using Azure.Data.Tables;
using IntegrationHub.Core.Model;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Timeline;

/// <summary>One timeline entry as a table entity. The row key is the reversed time (so the newest sorts first) then the
/// escaped <c>source:eventId</c> (so the same interaction always lands on the same row).</summary>
internal static class TimelineEntity
{
    private const string Type = "Type";
    private const string EventId = "EventId";
    private const string OccurredAt = "OccurredAt";
    private const string Source = "Source";
    private const string Provider = "Provider";
    private const string DeliveryId = "DeliveryId";
    private const string SourceType = "SourceType";
    private const string Summary = "Summary";

    public static string RowKey(Interaction interaction)
    {
        var reversed = DateTimeOffset.MaxValue.UtcTicks - interaction.OccurredAt.UtcTicks;
        return reversed.ToString("D19", CultureInfo.InvariantCulture) + "_"
            + TableKeys.For(interaction.Source + ":" + interaction.EventId, nameof(interaction.EventId));
    }

    public static TableEntity From(string partitionKey, Interaction interaction) => new(partitionKey, RowKey(interaction))
    {
        [Type] = interaction.Type,
        [EventId] = interaction.EventId,
        [OccurredAt] = interaction.OccurredAt.ToUniversalTime(),
        [Source] = interaction.Source,
        [Provider] = interaction.Provider,
        [DeliveryId] = interaction.DeliveryId,
        [SourceType] = interaction.SourceType,
        [Summary] = interaction.Summary,
    };

    public static Interaction ToInteraction(TableEntity entity) => new(
        entity.GetString(Type) ?? "",
        entity.GetString(EventId) ?? "",
        entity.GetDateTimeOffset(OccurredAt) ?? default,
        entity.GetString(Source) ?? "",
        entity.GetString(Provider) ?? "",
        entity.GetString(DeliveryId) ?? "",
        entity.GetString(SourceType),
        entity.GetString(Summary));
}
