using System.Globalization;
using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Tests.Profiles;

/// <summary>A profile as canonical JSON: field names sorted (a dictionary's enumeration order is not part of the
/// profile), each field's candidates in the order the profile holds them (that order decides the winner).</summary>
public static class CanonicalProfileJson
{
    public static string Serialise(UnifiedProfile profile)
    {
        var canonical = new
        {
            profile.Id,
            Candidates = profile.Candidates
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new
                {
                    Field = p.Key,
                    Values = p.Value.Select(v => new
                    {
                        v.Value,
                        v.Source,
                        v.SourceRecordId,
                        SourceEventTime = v.SourceEventTime.ToString("O", CultureInfo.InvariantCulture),
                    }),
                }),
            profile.Emails,
            profile.ExternalIds,
        };
        return JsonSerializer.Serialize(canonical);
    }
}
