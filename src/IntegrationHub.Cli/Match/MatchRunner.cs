using System.Globalization;
using CsvHelper;
using IntegrationHub.Core.Matching;

namespace IntegrationHub.Cli.Match;

/// <summary>Runs <c>hub match</c>: reads the list(s), matches, writes a cluster id for every row (and the pairs to
/// review, and the learned model). Exit 0 done, 1 when a file cannot be read or written, 2 on a usage error.</summary>
internal static class MatchRunner
{
    public static async Task<int> RunAsync(
        MatchRequest request, TextWriter output, TextWriter error, IMatchProgressDisplay display, CancellationToken cancellationToken)
    {
        try
        {
            var options = Validate(request);
            var overrides = ColumnMap.ParseOverrides(request.Columns);
            var records = request.Inputs
                .SelectMany((input, source) => PersonListReader.Read(input, source, request.IdColumn, overrides, cancellationToken))
                .ToList();
            var result = display.Run(progress => new ProbabilisticMatcher(options).Match(records, progress, cancellationToken));
            await WriteClustersAsync(request, records, result, cancellationToken);
            if (request.Suggestions is { } suggestionsFile)
            {
                await WriteSuggestionsAsync(suggestionsFile, request, records, result, cancellationToken);
            }
            if (request.SaveModel is { } modelFile)
            {
                await File.WriteAllTextAsync(modelFile.FullName, MatchModelJson.Serialize(result.Model), cancellationToken);
            }
            await output.WriteLineAsync(Summary(result));
            return CliExitCodes.Success;
        }
        catch (UsageException usage)
        {
            await error.WriteLineAsync(usage.Message);
            return CliExitCodes.Usage;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CsvFormatException or CsvValidationException)
        {
            await error.WriteLineAsync($"hub match failed: {exception.Message}");
            return CliExitCodes.Failure;
        }
    }

    private static MatchOptions Validate(MatchRequest request)
    {
        if (request.Inputs.Count is < 1 or > 2)
        {
            throw new UsageException("Give one --input to deduplicate, or two to link one list to the other.");
        }
        if (request.Threshold is <= 0 or > 1)
        {
            throw new UsageException($"--threshold {request.Threshold.ToString(CultureInfo.InvariantCulture)} is not a probability in (0, 1].");
        }
        if (request.ReviewThreshold <= 0 || request.ReviewThreshold > request.Threshold)
        {
            throw new UsageException($"--review-threshold {request.ReviewThreshold.ToString(CultureInfo.InvariantCulture)} is not a probability in (0, --threshold].");
        }
        if (request.Output.Directory is { Exists: false } directory)
        {
            throw new UsageException($"--output: the folder '{directory.FullName}' does not exist.");
        }
        return new MatchOptions
        {
            Threshold = request.Threshold,
            ReviewThreshold = request.ReviewThreshold,
            DefaultPhoneRegion = request.PhoneRegion,
        };
    }

    private static async Task WriteClustersAsync(
        MatchRequest request, List<MatchRecord> records, MatchResult result, CancellationToken cancellationToken)
    {
        var linking = request.Inputs.Count == 2;
        await using var writer = new StreamWriter(request.Output.FullName);
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        await csv.WriteRecordAsync(linking ? ["source", "id", "cluster_id"] : ["id", "cluster_id"], cancellationToken);
        for (var i = 0; i < records.Count; i++)
        {
            var cluster = (result.Clusters[i] + 1).ToString(CultureInfo.InvariantCulture);
            await csv.WriteRecordAsync(
                linking ? [request.Inputs[records[i].Source].Name, records[i].Id, cluster] : [records[i].Id, cluster],
                cancellationToken);
        }
    }

    private static async Task WriteSuggestionsAsync(
        FileInfo file, MatchRequest request, List<MatchRecord> records, MatchResult result, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(file.FullName);
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        string Source(MatchRecord record) => request.Inputs[record.Source].Name;
        await csv.WriteRecordAsync(["source_l", "id_l", "source_r", "id_r", "probability", "match_weight", "explanation"], cancellationToken);
        foreach (var pair in result.Suggestions.OrderByDescending(p => p.Probability))
        {
            var (left, right) = (records[pair.A], records[pair.B]);
            await csv.WriteRecordAsync(
                [
                    Source(left), left.Id, Source(right), right.Id,
                    pair.Probability.ToString("0.######", CultureInfo.InvariantCulture),
                    pair.MatchWeight.ToString("0.###", CultureInfo.InvariantCulture),
                    result.Explain(pair.A, pair.B).ToString(),
                ],
                cancellationToken);
        }
    }

    private static string Summary(MatchResult result)
    {
        var statistics = result.Statistics;
        var clusters = result.Clusters.Distinct().Count();
        var share = statistics.AllPairs == 0 ? 0 : (double)statistics.PairsCompared / statistics.AllPairs;
        return string.Create(CultureInfo.InvariantCulture,
            $"{statistics.Records:N0} rows in {clusters:N0} clusters; {result.Links.Count:N0} pairs linked, {result.Suggestions.Count:N0} to review; compared {statistics.PairsCompared:N0} of {statistics.AllPairs:N0} possible pairs ({share:0.###%}).");
    }
}
