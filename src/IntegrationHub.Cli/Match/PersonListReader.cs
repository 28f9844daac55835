using System.Globalization;
using CsvHelper;
using IntegrationHub.Core.Matching;

namespace IntegrationHub.Cli.Match;

/// <summary>Reads a CSV person list into match records (ids from the id column, else the row number).</summary>
internal static class PersonListReader
{
    public static IReadOnlyList<MatchRecord> Read(
        FileInfo file, int source, string? idColumn, IReadOnlyDictionary<MatchRole, string> overrides, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new UsageException($"--input '{file.FullName}' does not exist.");
        }
        using var csv = CsvReader.FromFile(file.FullName, new CsvReaderOptions { TrimWhitespace = true, PoolStrings = true });
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            throw new UsageException($"--input '{file.Name}' has no header row.");
        }
        var map = ColumnMap.For(header, idColumn, overrides, file.Name);
        var records = new List<MatchRecord>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = map.IdColumn is { } idIndex ? Field(csv, idIndex) : csv.RowNumber.ToString(CultureInfo.InvariantCulture);
            if (id.Length == 0 || !ids.Add(id))
            {
                throw new UsageException(id.Length == 0
                    ? $"{file.Name} row {csv.RowNumber} has no id. Choose the id column with --id-column."
                    : $"{file.Name} has the id '{id}' more than once (row {csv.RowNumber}); ids must be unique.");
            }
            var record = new MatchRecord(id, source);
            foreach (var (role, index) in map.Roles)
            {
                record.Set(role, Field(csv, index));
            }
            records.Add(record);
        }
        return records;
    }

    private static string Field(CsvReader csv, int index) => index < csv.FieldCount ? csv.GetString(index) : "";
}
