namespace IntegrationHub.Core.Matching;

/// <summary>The records normalised and laid out by column, so that comparing two records touches only arrays. Each
/// role's values are interned: equal values share an id, which makes an exact comparison one integer test.</summary>
internal sealed class MatchData
{
    private static long runs;
    private readonly string?[][] values;
    private readonly int[][] valueIds;

    private readonly bool[][] repeated;

    private MatchData(string[] ids, int[] sources, string?[][] values, int[][] valueIds)
    {
        repeated = valueIds.Select(Repeated).ToArray();
        Ids = ids;
        Sources = sources;
        this.values = values;
        this.valueIds = valueIds;
        Present = MatchRoles.All.Where(role => valueIds[(int)role].Any(id => id >= 0)).ToHashSet();
    }

    public int Count => Ids.Length;

    /// <summary>A number unique to this list in the process, which per-thread caches are keyed on.</summary>
    public long Run { get; } = Interlocked.Increment(ref runs);

    public string[] Ids { get; }

    public int[] Sources { get; }

    /// <summary>The roles at least one record has a value for.</summary>
    public IReadOnlySet<MatchRole> Present { get; }

    public string? Value(MatchRole role, int record) => values[(int)role][record];

    /// <summary>The interned id of a record's value (equal values, equal ids), or -1 when missing.</summary>
    public int ValueId(MatchRole role, int record) => valueIds[(int)role][record];

    /// <summary>Whether more than one record has this value of the role.</summary>
    public bool Repeats(MatchRole role, int valueId) => repeated[(int)role][valueId];

    public static MatchData Prepare(IReadOnlyList<MatchRecord> records, string defaultPhoneRegion, CancellationToken cancellationToken)
    {
        var count = records.Count;
        var roles = MatchRoles.All.Count;
        var values = new string?[roles][];
        var valueIds = new int[roles][];
        for (var role = 0; role < roles; role++)
        {
            values[role] = new string?[count];
        }
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            for (var role = 0; role < roles; role++)
            {
                values[role][i] = FieldNormaliser.Normalise((MatchRole)role, records[i][(MatchRole)role], defaultPhoneRegion);
            }
        });
        for (var role = 0; role < roles; role++)
        {
            valueIds[role] = Intern(values[role]);
        }
        var ids = new string[count];
        var sources = new int[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = records[i].Id;
            sources[i] = records[i].Source;
        }
        return new MatchData(ids, sources, values, valueIds);
    }

    private static bool[] Repeated(int[] column)
    {
        var seen = new int[column.Length == 0 ? 0 : column.Max() + 1];
        foreach (var id in column)
        {
            if (id >= 0)
            {
                seen[id]++;
            }
        }
        return seen.Select(count => count > 1).ToArray();
    }

    private static int[] Intern(string?[] column)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var instances = new List<string>();
        var ids = new int[column.Length];
        for (var i = 0; i < column.Length; i++)
        {
            var value = column[i];
            if (value is null)
            {
                ids[i] = -1;
                continue;
            }
            if (!table.TryGetValue(value, out var id))
            {
                id = table.Count;
                table.Add(value, id);
                instances.Add(value);
            }
            // One string instance per distinct value: a million rows of repeated names keep one copy each.
            column[i] = instances[id];
            ids[i] = id;
        }
        return ids;
    }
}
