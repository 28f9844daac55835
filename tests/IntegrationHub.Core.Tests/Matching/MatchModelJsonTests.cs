using IntegrationHub.Core.Matching;

namespace IntegrationHub.Core.Tests.Matching;

public sealed class MatchModelJsonTests
{
    private static readonly Lazy<(MatchModel Model, List<MatchRecord> Records)> Learned = new(() =>
    {
        var (records, _) = LinkageFixture.Febrl("dataset1.csv");
        var result = new ProbabilisticMatcher(new MatchOptions { RandomPairSample = 200_000 }).Match(records);
        return (result.Model, records);
    });

    [Fact]
    public void Parse_SerializedModel_RoundTripsEveryParameterAndScore()
    {
        var (model, records) = Learned.Value;

        var loaded = MatchModelJson.Parse(MatchModelJson.Serialize(model));

        Assert.Equal(model.Lambda, loaded.Lambda);
        Assert.Equal(model.Roles, loaded.Roles);
        Assert.Equal(model.BlockingRules, loaded.BlockingRules);
        Assert.Equal(model.Fields.Count, loaded.Fields.Count);
        for (var c = 0; c < model.Fields.Count; c++)
        {
            Assert.Equal(model.Fields[c].Name, loaded.Fields[c].Name);
            Assert.Equal(model.Fields[c].Levels, loaded.Fields[c].Levels);
        }
        var others = records.Skip(1).Take(50).ToList();
        Assert.Equal(
            model.Explain(records[0], others, "AU").Select(e => e.MatchWeight),
            loaded.Explain(records[0], others, "AU").Select(e => e.MatchWeight));
    }

    [Fact]
    public void Serialize_LearnedModel_NamesRolesLevelsAndBlockingRules()
    {
        var json = MatchModelJson.Serialize(Learned.Value.Model);

        Assert.Contains("\"format\": \"integrationhub.match-model\"", json, StringComparison.Ordinal);
        Assert.Contains("\"date_of_birth\"", json, StringComparison.Ordinal);
        Assert.Contains("\"postcode+city\"", json, StringComparison.Ordinal);
        Assert.Contains("surname soundex + date of birth", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}")]
    [InlineData("{\"format\":\"integrationhub.match-model\",\"version\":2}")]
    [InlineData("{\"format\":\"integrationhub.match-model\",\"version\":1,\"roles\":[\"shoe_size\"],\"lambda\":0.01}")]
    [InlineData("{\"format\":\"integrationhub.match-model\",\"version\":1,\"roles\":[\"state\"],\"lambda\":0.01,\"fields\":[]}")]
    [InlineData("{\"format\":\"integrationhub.match-model\",\"version\":1,\"roles\":[\"state\"],\"lambda\":0.01,\"fields\":[{\"name\":\"state\",\"levels\":[{\"label\":\"exact\",\"m\":0.9,\"u\":0.1},{\"label\":\"close\",\"m\":0.1,\"u\":0.9}]}]}")]
    [InlineData("{\"format\":\"integrationhub.match-model\",\"version\":1,\"roles\":[\"state\"],\"lambda\":0.01,\"fields\":[{\"name\":\"state\",\"levels\":[{\"label\":\"exact\",\"m\":0.9,\"u\":0},{\"label\":\"different\",\"m\":0.1,\"u\":0.9}]}]}")]
    [InlineData("{\"format\":\"integrationhub.match-model\",\"version\":1,\"roles\":[\"state\"],\"lambda\":0,\"fields\":[{\"name\":\"state\",\"levels\":[{\"label\":\"exact\",\"m\":0.9,\"u\":0.1},{\"label\":\"different\",\"m\":0.1,\"u\":0.9}]}]}")]
    public void Parse_NotAUsableModel_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => MatchModelJson.Parse(json));
    }
}
