using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Identity;

/// <summary>Describes how the profiles of a recomputed part of the graph changed, by which events moved where.</summary>
internal static class IdentityDiff
{
    public static IdentityGraphResult Between(IdentityGraphState state, List<IdentityProfile> before, List<IdentityProfile> after)
    {
        var oldOf = before.SelectMany(p => p.Events.Select(e => (e, p.Id))).ToDictionary(x => x.e, x => x.Id);
        var newOf = after.SelectMany(p => p.Events.Select(e => (e, p.Id))).ToDictionary(x => x.e, x => x.Id);
        var oldById = before.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var changes = new List<IdentityChange>();
        var recompute = new SortedSet<string>(StringComparer.Ordinal);
        var split = new HashSet<string>(StringComparer.Ordinal);

        foreach (var old in before)
        {
            var into = Distinct(old.Events.Select(e => newOf.GetValueOrDefault(e)));
            if (into.Count == 0)
            {
                changes.Add(new(IdentityChangeKind.Removed, old.Id, []));
            }
            else if (into.Count > 1)
            {
                changes.Add(new(IdentityChangeKind.Split, old.Id, into));
                split.Add(old.Id);
            }
        }
        foreach (var profile in after)
        {
            var from = Distinct(profile.Events.Select(e => oldOf.GetValueOrDefault(e)));
            var unchanged = from.Count == 1 && from[0] == profile.Id && oldById[profile.Id].Equals(profile);
            if (!unchanged)
            {
                recompute.Add(profile.Id);
            }
            if (from.Count == 0)
            {
                changes.Add(new(IdentityChangeKind.Created, profile.Id, []));
            }
            else if (from.Count > 1)
            {
                foreach (var merged in from.Where(id => id != profile.Id))
                {
                    changes.Add(new(IdentityChangeKind.Merged, profile.Id, [merged], LinkedBy(profile, oldById[merged])));
                }
            }
            else if (from[0] != profile.Id)
            {
                var wholly = Distinct(oldById[from[0]].Events.Select(e => newOf.GetValueOrDefault(e))).Count == 1;
                if (wholly)
                {
                    changes.Add(new(IdentityChangeKind.Renamed, from[0], [profile.Id]));
                }
            }
            else if (!unchanged && !split.Contains(profile.Id))
            {
                changes.Add(new(IdentityChangeKind.Updated, profile.Id, []));
            }
        }
        var live = after.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return new(
            state,
            [.. changes.OrderBy(c => c.Kind).ThenBy(c => c.ProfileId, StringComparer.Ordinal).ThenBy(c => string.Join(",", c.Others), StringComparer.Ordinal)],
            [.. recompute],
            [.. before.Select(p => p.Id).Where(id => !live.Contains(id)).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The link that joined <paramref name="merged"/> to the rest: the earliest link touching one of its
    /// identifiers whose evidence is an event from outside it.</summary>
    private static IdentityLink? LinkedBy(IdentityProfile survivor, IdentityProfile merged)
    {
        var identifiers = merged.Identifiers.ToHashSet();
        var events = merged.Events.ToHashSet();
        return survivor.Links.FirstOrDefault(l =>
            (identifiers.Contains(l.Identifier) || identifiers.Contains(l.LinkedTo)) && !events.Contains(l.Event));
    }

    private static List<string> Distinct(IEnumerable<string?> ids) =>
        [.. ids.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
