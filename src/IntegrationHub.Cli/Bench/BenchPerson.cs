namespace IntegrationHub.Cli.Bench;

/// <summary>A synthetic customer. Addresses are on example.com and phone numbers in the 555-01xx fictional range, so a
/// benchmark never writes a real person's data.</summary>
internal sealed record BenchPerson(string Id, string Email, string FirstName, string LastName, string Phone)
{
    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson"];

    /// <summary>Person <paramref name="key"/> of run <paramref name="run"/>: the same key always gives the same person.</summary>
    public static BenchPerson For(string run, string key, long number) => new(
        $"cus_{run}_{key}",
        $"bench.{run}.{key}@example.com",
        FirstNames[number % FirstNames.Length],
        LastNames[number / FirstNames.Length % LastNames.Length],
        $"+1 415 555 01{number % 100:D2}");
}
