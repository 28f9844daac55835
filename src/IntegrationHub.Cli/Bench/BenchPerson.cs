namespace IntegrationHub.Cli.Bench;

/// <summary>A synthetic customer. Addresses are on example.com and phone numbers in the 555-01xx fictional range (in
/// twenty area codes), so a benchmark never writes a real person's data.</summary>
internal sealed record BenchPerson(string Id, string Email, string FirstName, string LastName, string Phone)
{
    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson"];

    /// <summary>Up to 2,000 people (the default is 1,000) each have a phone of their own, as the raw baseline assumes:
    /// people who share a phone are the identity graph's harder case (merges, then splits once it is found shared),
    /// which is not what a throughput figure should measure.</summary>
    private static readonly int[] AreaCodes =
        [415, 212, 312, 617, 206, 303, 512, 404, 305, 702, 213, 215, 314, 503, 608, 612, 713, 801, 919, 971];

    /// <summary>Person <paramref name="key"/> of run <paramref name="run"/>: the same key always gives the same person.</summary>
    public static BenchPerson For(string run, string key, long number) => new(
        $"cus_{run}_{key}",
        $"bench.{run}.{key}@example.com",
        FirstNames[number % FirstNames.Length],
        LastNames[number / FirstNames.Length % LastNames.Length],
        $"+1 {AreaCodes[number / 100 % AreaCodes.Length]} 555 01{number % 100:D2}");
}
