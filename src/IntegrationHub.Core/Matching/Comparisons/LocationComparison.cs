namespace IntegrationHub.Core.Matching.Comparisons;

/// <summary>Postcode and city together. They are one fact told twice (a postcode names a place), so comparing them as
/// two independent fields would count the same agreement twice; one comparison with combined levels lets the
/// estimation learn how much agreeing on both is really worth. Missing only when neither can be compared.</summary>
internal sealed class LocationComparison : IFieldComparison
{
    private const int BothExact = 0, PostcodeExactCitySimilar = 1, PostcodeExact = 2, CityExactPostcodeClose = 3, CityExact = 4, Close = 5, Different = 6;

    public string Name { get; } = $"{MatchRoles.Name(MatchRole.Postcode)}+{MatchRoles.Name(MatchRole.City)}";

    public IReadOnlyList<string> Levels { get; } =
    [
        "postcode and city exact",
        "postcode exact, city similar",
        "postcode exact, city different or missing",
        "city exact, postcode one character different",
        "city exact, postcode different or missing",
        "postcode one character different or city similar",
        "different",
    ];

    public int Compare(MatchData data, int a, int b)
    {
        var postcode = PostcodeLevel(data, a, b);
        var city = CityLevel(data, a, b);
        if (postcode < 0 && city < 0)
        {
            return -1;
        }
        return (postcode, city) switch
        {
            (0, 0) => BothExact,
            (0, 1) => PostcodeExactCitySimilar,
            (0, _) => PostcodeExact,
            (1, 0) => CityExactPostcodeClose,
            (_, 0) => CityExact,
            (1, _) or (_, 1) => Close,
            _ => Different,
        };
    }

    /// <summary>0 exact, 1 one character different, 2 different, -1 missing.</summary>
    private static int PostcodeLevel(MatchData data, int a, int b)
    {
        var idA = data.ValueId(MatchRole.Postcode, a);
        var idB = data.ValueId(MatchRole.Postcode, b);
        if (idA < 0 || idB < 0)
        {
            return -1;
        }
        return idA == idB ? 0 : Similarity.OneEditApart(data.Value(MatchRole.Postcode, a)!, data.Value(MatchRole.Postcode, b)!) ? 1 : 2;
    }

    /// <summary>0 exact, 1 Jaro–Winkler ≥ 0.92, 2 different, -1 missing.</summary>
    private static int CityLevel(MatchData data, int a, int b)
    {
        var idA = data.ValueId(MatchRole.City, a);
        var idB = data.ValueId(MatchRole.City, b);
        if (idA < 0 || idB < 0)
        {
            return -1;
        }
        return idA == idB ? 0 : JaroWinklerCache.Similarity(data, MatchRole.City, a, b, idA, idB) >= 0.92 ? 1 : 2;
    }
}
