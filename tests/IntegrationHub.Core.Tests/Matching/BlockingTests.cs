using IntegrationHub.Core.Matching;
using IntegrationHub.Core.Matching.Blocking;
using IntegrationHub.Core.Matching.Comparisons;

namespace IntegrationHub.Core.Tests.Matching;

public sealed class BlockingTests
{
    [Fact]
    public void Generate_OverlappingRules_ComparesEachPairOnce()
    {
        var (records, _) = LinkageFixture.Febrl("dataset1.csv");
        var data = MatchData.Prepare(records, "US", CancellationToken.None);
        var comparisons = ComparisonSet.For(data.Present);
        var rules = BlockingRules.For(data.Present);

        var candidates = CandidateGenerator.Generate(data, comparisons, rules, new MatchOptions(), linkOnly: false, null, CancellationToken.None);

        var pairs = candidates.Pairs.Select(p => (p.A, p.B)).ToList();
        Assert.All(pairs, p => Assert.True(p.A < p.B));
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.Equal(candidates.Count, pairs.Count);
    }

    [Fact]
    public void Generate_PairsSharingAnyRuleKey_AreAllCandidates()
    {
        MatchRecord Person(string id, string first, string last, string? email, string dob) => new(id)
        {
            [MatchRole.FirstName] = first, [MatchRole.LastName] = last, [MatchRole.Email] = email, [MatchRole.DateOfBirth] = dob,
        };
        var records = new List<MatchRecord>
        {
            Person("a", "ada", "lovelace", "ada@example.com", "1815-12-10"),
            Person("b", "augusta", "king", "ada@example.com", "1816-01-01"),  // same email
            Person("c", "ada", "lovelace", null, "1815-01-01"),               // same name, same birth year
            Person("d", "zed", "lovelaze", null, "1815-12-10"),               // surname sounds alike, same birth date
            Person("e", "xavier", "quincy", null, "1950-05-05"),              // shares nothing
        };
        var data = MatchData.Prepare(records, "US", CancellationToken.None);

        var candidates = CandidateGenerator.Generate(
            data, ComparisonSet.For(data.Present), BlockingRules.For(data.Present), new MatchOptions(), false, null, CancellationToken.None);

        var pairs = candidates.Pairs.Select(p => (records[p.A].Id, records[p.B].Id)).ToHashSet();
        Assert.Contains(("a", "b"), pairs);
        Assert.Contains(("a", "c"), pairs);
        Assert.Contains(("a", "d"), pairs);
        Assert.DoesNotContain(pairs, p => p.Item1 == "e" || p.Item2 == "e");
    }

    [Fact]
    public void Generate_BlockLargerThanTheLimit_IsLeftOut()
    {
        var records = Enumerable.Range(0, 30).Select(i => new MatchRecord($"{i}") { [MatchRole.Email] = "shared@example.com" }).ToList();
        var data = MatchData.Prepare(records, "US", CancellationToken.None);

        var candidates = CandidateGenerator.Generate(
            data, ComparisonSet.For(data.Present), BlockingRules.For(data.Present), new MatchOptions { MaxBlockSize = 10 }, false, null, CancellationToken.None);

        Assert.Equal(0, candidates.Count);
        Assert.Equal(2, candidates.BlocksSkipped); // the shared email, and its shared user name
    }
}
