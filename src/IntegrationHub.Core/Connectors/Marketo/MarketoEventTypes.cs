using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Marketo;

/// <summary>The event types a Marketo template maps without configuration; anything else needs an
/// <c>EventType:{type}</c> (or <c>EventType:*</c>) setting, or is recorded as unmapped.</summary>
internal static class MarketoEventTypes
{
    /// <summary>Matches the common spellings (<c>lead.created</c>, <c>Lead Created</c>, <c>lead_created</c>) or a canonical
    /// type written as is.</summary>
    public static string? Default(string sourceType)
    {
        var words = sourceType.Trim().Replace('_', ' ').Replace('.', ' ').Replace('-', ' ');
        if (words.Equals("lead created", StringComparison.OrdinalIgnoreCase))
        {
            return InteractionTypes.LeadCreated;
        }
        if (words.Equals("lead updated", StringComparison.OrdinalIgnoreCase))
        {
            return InteractionTypes.ProfileUpdated;
        }
        return TemplateBody.IsCanonical(sourceType) ? sourceType : null;
    }
}
