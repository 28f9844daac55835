using CsvHelper;
using IntegrationHub.Core.Matching;

namespace IntegrationHub.LinkageBenchmark;

/// <summary>Loads the linkage fixtures with the same column recognition <c>hub match</c> uses.</summary>
internal static class LinkageFixtures
{
    public static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntegrationHub.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "IntegrationHub.Core.Tests", "Fixtures", "linkage");
            }
        }
        throw new DirectoryNotFoundException("Run the benchmark from inside the repository.");
    }

    /// <summary>FEBRL: the truth is the N of rec-N-org / rec-N-dup-k.</summary>
    public static LabelledList Febrl(string name, string path) =>
        Load(name, path, (header, row, id) => id.Split('-')[1]);

    /// <summary>Splink's fake_1000: the truth is the <c>cluster</c> column.</summary>
    public static LabelledList SplinkFake(string name, string path) =>
        Load(name, path, (header, row, id) => row[Array.IndexOf(header, "cluster")]);

    private static LabelledList Load(string name, string path, Func<string[], string[], string, string> truthOf)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { TrimWhitespace = true, Separator = ',' });
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        var idColumn = Array.FindIndex(header, MatchColumnNames.IsIdColumn);
        var roles = header.Select(MatchColumnNames.Recognise).ToArray();
        var records = new List<MatchRecord>();
        var truth = new List<string>();
        while (csv.Read())
        {
            var row = Enumerable.Range(0, header.Length).Select(i => i < csv.FieldCount ? csv.GetString(i) : "").ToArray();
            var record = new MatchRecord(row[idColumn]);
            for (var i = 0; i < header.Length; i++)
            {
                if (roles[i] is { } role)
                {
                    record.Set(role, row[i]);
                }
            }
            records.Add(record);
            truth.Add(truthOf(header, row, row[idColumn]));
        }
        return new LabelledList(name, records, truth);
    }
}
