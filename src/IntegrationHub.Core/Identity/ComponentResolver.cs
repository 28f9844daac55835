using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Identity;

/// <summary>Resolves one connected set of events into profiles. A pure function of the set (never of the order the
/// events arrived in): links are considered in canonical event order (source time, then reference), so where a
/// per-profile limit refuses a link, the earliest evidence wins on every worker and in every replay.</summary>
internal static class ComponentResolver
{
    public static List<IdentityProfile> Resolve(
        IEnumerable<IdentityEvent> events,
        IReadOnlySet<IdentityKey> markedShared,
        IReadOnlySet<UnlinkedIdentifier> unlinked,
        IReadOnlySet<IdentityKey> overloaded,
        IdentifierPolicy policy)
    {
        var ordered = events.Order(IdentityEvent.Canonical).ToArray();
        var linkable = new IdentityKey[ordered.Length][];
        var excluded = new List<ExcludedIdentifier>[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var e = ordered[i];
            excluded[i] = [];
            var keep = new List<IdentityKey>(e.Identifiers.Count);
            foreach (var key in e.Identifiers)
            {
                var reason = policy.IsBlocked(key) ? ExcludedIdentifier.Blocked
                    : markedShared.Contains(key) ? ExcludedIdentifier.MarkedShared
                    : unlinked.Contains(new UnlinkedIdentifier(e.Ref, key)) ? ExcludedIdentifier.Unlinked
                    : overloaded.Contains(key) ? ExcludedIdentifier.Shared
                    : null;
                if (reason is null)
                {
                    keep.Add(key);
                }
                else
                {
                    excluded[i].Add(new ExcludedIdentifier(key, e.Ref, reason));
                }
            }
            linkable[i] = [.. keep];
        }

        // Shared identifiers: found together (each against the same set), until none is left to find. Every round is
        // a function of the events alone, so the fixed point is too.
        var shared = new HashSet<IdentityKey>();
        while (FindShared(ordered, linkable, shared, policy) is { Count: > 0 } found)
        {
            shared.UnionWith(found);
        }
        var forest = Forest.Link(ordered, linkable, shared, policy);
        return Profiles(ordered, linkable, excluded, shared, forest);
    }

    /// <summary>Identifiers that, left out, would leave more than the allowed number of separate profiles (each with an
    /// email or phone of its own) among the identifiers seen with them.</summary>
    private static List<IdentityKey> FindShared(
        IdentityEvent[] ordered, IdentityKey[][] linkable, HashSet<IdentityKey> shared, IdentifierPolicy policy)
    {
        var seenWith = new SortedDictionary<IdentityKey, HashSet<IdentityKey>>();
        foreach (var keys in linkable)
        {
            var live = keys.Where(k => !shared.Contains(k)).ToArray();
            foreach (var key in live)
            {
                if (!seenWith.TryGetValue(key, out var others))
                {
                    seenWith[key] = others = [];
                }
                others.UnionWith(live.Where(k => k != key));
            }
        }
        var found = new List<IdentityKey>();
        foreach (var (key, others) in seenWith)
        {
            if (others.Count <= policy.MaxProfilesPerIdentifier)
            {
                continue;
            }
            var without = Forest.Link(ordered, linkable, [.. shared, key], policy);
            var profiles = others.Select(without.Find).Where(without.HasContact).Distinct().Count();
            if (profiles > policy.MaxProfilesPerIdentifier)
            {
                found.Add(key);
            }
        }
        return found;
    }

    private static List<IdentityProfile> Profiles(
        IdentityEvent[] ordered, IdentityKey[][] linkable, List<ExcludedIdentifier>[] excluded, HashSet<IdentityKey> shared, Forest forest)
    {
        var members = forest.Keys.GroupBy(forest.Find).ToDictionary(g => g.Key, g => g.Order().ToList());
        var eventsByRoot = new Dictionary<IdentityKey, List<int>>();
        for (var i = 0; i < ordered.Length; i++)
        {
            if (forest.HomeOf(i) is not { } home)
            {
                continue;
            }
            var root = forest.Find(home);
            if (!eventsByRoot.TryGetValue(root, out var list))
            {
                eventsByRoot[root] = list = [];
            }
            list.Add(i);
        }

        var profiles = new List<IdentityProfile>(eventsByRoot.Count);
        foreach (var (root, indices) in eventsByRoot)
        {
            var reasons = indices.SelectMany(i => excluded[i]
                    .Concat(linkable[i].Where(shared.Contains).Select(k => new ExcludedIdentifier(k, ordered[i].Ref, ExcludedIdentifier.Shared)))
                    .Concat(forest.Refused(i))
                    .OrderBy(x => x.Identifier))
                .ToList();
            profiles.Add(new IdentityProfile(
                ProfileIds.For(forest.HomeOf(indices[0])!),
                members[root],
                [.. indices.Select(i => ordered[i].Ref)],
                [.. forest.Links.Where(l => forest.Find(l.LinkedTo) == root)],
                reasons));
        }
        return [.. profiles.OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>Union–find over identifiers, built by considering each event's links in canonical order and refusing
    /// a union that would break a per-profile limit.</summary>
    private sealed class Forest
    {
        private readonly Dictionary<IdentityKey, IdentityKey> _parent = [];
        private readonly Dictionary<IdentityKey, Dictionary<string, int>> _counts = [];
        private readonly Dictionary<int, IdentityKey> _homes = [];
        private readonly Dictionary<int, List<ExcludedIdentifier>> _refused = [];

        public List<IdentityLink> Links { get; } = [];

        public IEnumerable<IdentityKey> Keys => _parent.Keys;

        public static Forest Link(IdentityEvent[] ordered, IdentityKey[][] linkable, HashSet<IdentityKey> shared, IdentifierPolicy policy)
        {
            var forest = new Forest();
            for (var i = 0; i < ordered.Length; i++)
            {
                var keys = linkable[i].Where(k => !shared.Contains(k)).ToArray();
                if (keys.Length == 0)
                {
                    continue;
                }
                var home = keys[0];
                forest.Add(home);
                forest._homes[i] = home;
                foreach (var key in keys.Skip(1))
                {
                    forest.Add(key);
                    var (a, b) = (forest.Find(home), forest.Find(key));
                    if (a == b)
                    {
                        continue;
                    }
                    if (forest.Fits(a, b, policy))
                    {
                        forest.Union(a, b);
                        forest.Links.Add(new IdentityLink(key, home, ordered[i].Ref));
                    }
                    else
                    {
                        if (!forest._refused.TryGetValue(i, out var refused))
                        {
                            forest._refused[i] = refused = [];
                        }
                        refused.Add(new ExcludedIdentifier(key, ordered[i].Ref, ExcludedIdentifier.Limit));
                    }
                }
            }
            return forest;
        }

        public IdentityKey? HomeOf(int eventIndex) => _homes.GetValueOrDefault(eventIndex);

        public List<ExcludedIdentifier> Refused(int eventIndex) =>
            _refused.TryGetValue(eventIndex, out var refused) ? refused : [];

        public IdentityKey Find(IdentityKey key)
        {
            var root = key;
            while (_parent[root] != root)
            {
                root = _parent[root];
            }
            while (_parent[key] != root)
            {
                (key, _parent[key]) = (_parent[key], root);
            }
            return root;
        }

        public bool HasContact(IdentityKey root)
        {
            var counts = _counts[Find(root)];
            return counts.ContainsKey(IdentityKey.EmailKind) || counts.ContainsKey(IdentityKey.PhoneKind);
        }

        private void Add(IdentityKey key)
        {
            if (_parent.TryAdd(key, key))
            {
                _counts[key] = new(StringComparer.Ordinal) { [IdentifierPolicy.Bucket(key)] = 1 };
            }
        }

        private bool Fits(IdentityKey a, IdentityKey b, IdentifierPolicy policy) =>
            _counts[b].All(c => _counts[a].GetValueOrDefault(c.Key) + c.Value <= policy.LimitFor(c.Key));

        private void Union(IdentityKey a, IdentityKey b)
        {
            _parent[b] = a;
            foreach (var (bucket, count) in _counts[b])
            {
                _counts[a][bucket] = _counts[a].GetValueOrDefault(bucket) + count;
            }
            _counts.Remove(b);
        }
    }
}
