using IntegrationHub.Core.Matching;
using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Infrastructure.Matching;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Integration.Tests.Matching;

/// <summary><c>Hub:Matching:ModelPath</c> at start-up: a missing or corrupt file fails validation with a clear message;
/// a model saved by <c>hub match</c> loads.</summary>
public sealed class MatchModelFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hub-model-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Validate_NoPath_MatchingOffAndValid()
    {
        var options = new MatchingOptions();

        Assert.True(new MatchModelFileValidator().Validate(null, options).Succeeded);
        Assert.Null(new MatchModelFile(Options.Create(options)).Model);
    }

    [Fact]
    public void Validate_MissingFile_FailsNamingTheSettingAndTheFile()
    {
        var path = Path.Combine(_folder.FullName, "missing.json");

        var result = new MatchModelFileValidator().Validate(null, new MatchingOptions { ModelPath = path });

        Assert.True(result.Failed);
        Assert.Contains($"Hub:Matching:ModelPath: '{path}' is not a usable match model (no such file)", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CorruptFile_FailsSayingWhy()
    {
        var path = Path.Combine(_folder.FullName, "model.json");
        File.WriteAllText(path, "{\"format\":\"integrationhub.match-model\",\"version\":1,\"roles\":[\"shoe_size\"]}");

        var result = new MatchModelFileValidator().Validate(null, new MatchingOptions { ModelPath = path });

        Assert.True(result.Failed);
        Assert.Contains("Unknown role 'shoe_size'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_SavedModel_LoadsWithItsLearnedWeights()
    {
        var records = Enumerable.Range(0, 60).Select(i => new MatchRecord(i.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            [MatchRole.FirstName] = $"name{i / 2}",
            [MatchRole.LastName] = $"family{i % 7}",
            [MatchRole.City] = $"city{i % 5}",
        }).ToList();
        var learned = new ProbabilisticMatcher(new MatchOptions()).Match(records).Model;
        var path = Path.Combine(_folder.FullName, "model.json");
        File.WriteAllText(path, MatchModelJson.Serialize(learned));
        var options = new MatchingOptions { ModelPath = path };

        Assert.True(new MatchModelFileValidator().Validate(null, options).Succeeded);
        var model = new MatchModelFile(Options.Create(options)).Model!;
        Assert.Equal(learned.Fields[0].Levels, model.Fields[0].Levels);
    }
}
