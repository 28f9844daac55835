using IntegrationHub.Cli;
using IntegrationHub.Cli.Match;

namespace IntegrationHub.Cli.Tests.Match;

public sealed class MatchRunnerTests : IDisposable
{
    private const string People = """
        Customer ID,Given Name,Surname,E-mail,DOB,City,ZIP
        c1,Ada,Lovelace,ada@example.com,1815-12-10,London,10001
        c2,Ada,Lovelace,ADA@example.com ,10/12/1815,London,10001
        c3,Charles,Babbage,charles@example.com,1791-12-26,Teignmouth,20002
        c4,Charles,Babage,charles@example.com,1791-12-26,Teignmouth,20002
        c5,Mary,Somerville,mary@example.com,1780-12-26,Jedburgh,30003
        c6,Grace,Hopper,grace@example.com,1906-12-09,New York,40004
        c7,Alan,Turing,alan@example.com,1912-06-23,London,50005
        c8,Alan,Turing,alan@example.com,1912-06-23,Londn,50005
        """;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("hub-match-");
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose()
    {
        folder.Delete(recursive: true);
        output.Dispose();
        error.Dispose();
    }

    [Fact]
    public async Task RunAsync_OneList_WritesAClusterForEveryRow()
    {
        var request = CreateRequest([Write("people.csv", People)]);

        var exit = await RunAsync(request);

        Assert.Equal(CliExitCodes.Success, exit);
        var rows = ReadOutput(request);
        Assert.Equal(["id", "cluster_id"], rows[0]);
        var clusters = rows.Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"], clusters.Keys);
        Assert.Equal(clusters["c1"], clusters["c2"]);
        Assert.Equal(clusters["c3"], clusters["c4"]);
        Assert.Equal(clusters["c7"], clusters["c8"]);
        Assert.Equal(5, clusters.Values.Distinct().Count());
        Assert.Contains("8 rows in 5 clusters", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TwoLists_LinksAcrossThemWithTheSourceColumn()
    {
        var lines = People.Split('\n');
        var crm = Write("crm.csv", string.Join('\n', lines.Take(1).Concat(lines.Where((_, i) => i % 2 == 1))));
        var events = Write("events.csv", string.Join('\n', lines.Take(1).Concat(lines.Where((_, i) => i > 0 && i % 2 == 0))));
        var request = CreateRequest([crm, events]);

        var exit = await RunAsync(request);

        Assert.Equal(CliExitCodes.Success, exit);
        var rows = ReadOutput(request);
        Assert.Equal(["source", "id", "cluster_id"], rows[0]);
        Assert.Equal(9, rows.Count);
        var cluster = rows.Skip(1).ToDictionary(r => (r[0], r[1]), r => r[2]);
        Assert.Equal(cluster[("crm.csv", "c1")], cluster[("events.csv", "c2")]);
        Assert.Equal(cluster[("crm.csv", "c7")], cluster[("events.csv", "c8")]);
    }

    [Fact]
    public async Task RunAsync_ColumnOverrideAndNoIdColumn_UsesTheColumnAndRowNumbers()
    {
        var input = Write("odd.csv", """
            a,b,c
            Ada,Lovelace,ada@example.com
            Ada,Lovelace,ada@example.com
            Alan,Turing,alan@example.com
            """);
        var request = CreateRequest([input]) with { Columns = ["first_name=a", "last_name=b", "email=c"] };

        var exit = await RunAsync(request);

        Assert.Equal(CliExitCodes.Success, exit);
        var rows = ReadOutput(request);
        Assert.Equal(["1", "2", "3"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(rows[1][1], rows[2][1]);
    }

    [Fact]
    public async Task RunAsync_Suggestions_WritesExplainedPairsThatWereNotLinked()
    {
        var request = CreateRequest([Write("people.csv", People)]) with
        {
            Threshold = 1,
            ReviewThreshold = 0.01,
            Suggestions = new FileInfo(Path.Combine(folder.FullName, "review.csv")),
        };

        var exit = await RunAsync(request);

        Assert.Equal(CliExitCodes.Success, exit);
        var review = File.ReadAllLines(request.Suggestions!.FullName);
        Assert.StartsWith("source_l,id_l,source_r,id_r,probability,match_weight,explanation", review[0], StringComparison.Ordinal);
        Assert.Contains(review, line => line.Contains("bits, p=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--column", "nickname=Given Name", "unknown role 'nickname'")]
    [InlineData("--column", "first_name=Forename", "has no column 'Forename'")]
    [InlineData("--column", "first_name", "is not role=column")]
    [InlineData("--id-column", "key", "--id-column 'key' is not a column")]
    public async Task RunAsync_BadColumnArguments_ExitsWithUsage(string option, string value, string message)
    {
        var request = CreateRequest([Write("people.csv", People)]);
        request = option == "--column" ? request with { Columns = [value] } : request with { IdColumn = value };

        var exit = await RunAsync(request);

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingInput_ExitsWithUsage()
    {
        var exit = await RunAsync(CreateRequest([new FileInfo(Path.Combine(folder.FullName, "nope.csv"))]));

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ThreeInputs_ExitsWithUsage()
    {
        var input = Write("people.csv", People);

        var exit = await RunAsync(CreateRequest([input, input, input]));

        Assert.Equal(CliExitCodes.Usage, exit);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.2, 0.5)]
    [InlineData(0.8, 0.9)]
    public async Task RunAsync_ThresholdsOutOfRange_ExitsWithUsage(double threshold, double review)
    {
        var request = CreateRequest([Write("people.csv", People)]) with { Threshold = threshold, ReviewThreshold = review };

        var exit = await RunAsync(request);

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("threshold", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoRecognisedColumn_ExitsWithUsage()
    {
        var exit = await RunAsync(CreateRequest([Write("x.csv", "foo,bar\n1,2\n")]));

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("--column role=column", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DuplicateIds_ExitsWithUsage()
    {
        var exit = await RunAsync(CreateRequest([Write("dup.csv", "id,email\n1,a@example.com\n1,b@example.com\n")]));

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("more than once", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LongRun_ReportsEachStage()
    {
        var exit = await RunAsync(CreateRequest([Write("people.csv", People)]));

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Contains("Comparing candidate pairs", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Learning match weights", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SaveModel_WritesTheLearnedModelTheHubCanLoad()
    {
        var model = new FileInfo(Path.Combine(folder.FullName, "model.json"));
        var request = CreateRequest([Write("people.csv", People)]) with { SaveModel = model };

        var exit = await RunAsync(request);

        Assert.Equal(CliExitCodes.Success, exit);
        var loaded = Core.Matching.MatchModelJson.Parse(await File.ReadAllTextAsync(model.FullName));
        Assert.Contains(Core.Matching.MatchRole.DateOfBirth, loaded.Roles);
        Assert.Contains(loaded.Fields, f => f.Name == "first_name" && f.Levels[0].Weight > 0);
    }

    private Task<int> RunAsync(MatchRequest request) =>
        MatchRunner.RunAsync(request, output, error, new PlainProgressDisplay(error), CancellationToken.None);

    private MatchRequest CreateRequest(FileInfo[] inputs) =>
        new(inputs, new FileInfo(Path.Combine(folder.FullName, "clusters.csv")), null, [], 0.9, 0.5, null, "US");

    private FileInfo Write(string name, string content)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return new FileInfo(path);
    }

    private static List<string[]> ReadOutput(MatchRequest request) =>
        File.ReadAllLines(request.Output.FullName).Select(line => line.Split(',')).ToList();
}
