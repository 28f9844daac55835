namespace IntegrationHub.Core.Matching.Comparisons;

/// <summary>The comparisons for the fields a list has, and the packing of one pair's levels into a single number
/// (a "comparison vector"): the estimation works on counts of distinct vectors, not on pairs.</summary>
internal sealed class ComparisonSet
{
    private readonly long[] placeValues;

    public ComparisonSet(IReadOnlyList<IFieldComparison> comparisons)
    {
        Comparisons = comparisons;
        placeValues = new long[comparisons.Count];
        var place = 1L;
        for (var c = 0; c < comparisons.Count; c++)
        {
            placeValues[c] = place;
            place = checked(place * (comparisons[c].Levels.Count + 1));
        }
    }

    public IReadOnlyList<IFieldComparison> Comparisons { get; }

    public int Count => Comparisons.Count;

    /// <summary>The default comparisons for the roles a list has values for.</summary>
    public static ComparisonSet For(IReadOnlySet<MatchRole> present)
    {
        MatchRole? Other(MatchRole role) => present.Contains(role) ? role : null;
        var comparisons = new List<IFieldComparison>();
        var location = present.Contains(MatchRole.Postcode) && present.Contains(MatchRole.City);
        foreach (var role in MatchRoles.All.Where(present.Contains))
        {
            if (location && role is MatchRole.Postcode or MatchRole.City)
            {
                if (role == MatchRole.Postcode)
                {
                    comparisons.Add(new LocationComparison());
                }
                continue;
            }
            comparisons.Add(role switch
            {
                MatchRole.FirstName => new NameComparison(role, Other(MatchRole.LastName)),
                MatchRole.LastName => new NameComparison(role, Other(MatchRole.FirstName)),
                MatchRole.Email => new EmailComparison(),
                MatchRole.DateOfBirth => new DateComparison(role),
                MatchRole.Phone or MatchRole.StreetNumber => new CodeComparison(role),
                MatchRole.Postcode => new CodeComparison(role, sharedPrefix: 3),
                MatchRole.State => new ExactComparison(role),
                _ => new TextComparison(role),
            });
        }
        return new ComparisonSet(comparisons);
    }

    /// <summary>Compares two records on every field and packs the levels.</summary>
    public long Compare(MatchData data, int a, int b)
    {
        var vector = 0L;
        for (var c = 0; c < placeValues.Length; c++)
        {
            vector += (Comparisons[c].Compare(data, a, b) + 1) * placeValues[c];
        }
        return vector;
    }

    /// <summary>The level of comparison <paramref name="comparison"/> in a packed vector; -1 when a value was missing.</summary>
    public int Level(long vector, int comparison) =>
        (int)(vector / placeValues[comparison] % (Comparisons[comparison].Levels.Count + 1)) - 1;

    /// <summary>Packs levels (-1 for missing) into a vector.</summary>
    public long Pack(IReadOnlyList<int> levels)
    {
        var vector = 0L;
        for (var c = 0; c < placeValues.Length; c++)
        {
            vector += (levels[c] + 1) * placeValues[c];
        }
        return vector;
    }
}
