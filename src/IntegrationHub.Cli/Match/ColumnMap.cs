using IntegrationHub.Core.Matching;

namespace IntegrationHub.Cli.Match;

/// <summary>Which column of a file holds the id and which holds each role: recognised from common names, then
/// overridden by <c>--column role=name</c> and <c>--id-column</c>.</summary>
internal sealed record ColumnMap(int? IdColumn, IReadOnlyDictionary<MatchRole, int> Roles)
{
    /// <summary>Parses <c>role=column</c> overrides; a role with an empty column is ignored.</summary>
    public static IReadOnlyDictionary<MatchRole, string> ParseOverrides(IReadOnlyList<string> values)
    {
        var overrides = new Dictionary<MatchRole, string>();
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"--column '{value}' is not role=column.");
            }
            if (!MatchRoles.TryParse(value[..equals], out var role))
            {
                var known = string.Join(", ", MatchRoles.All.Select(MatchRoles.Name));
                throw new UsageException($"--column '{value}': unknown role '{value[..equals]}'. Roles: {known}.");
            }
            overrides[role] = value[(equals + 1)..].Trim();
        }
        return overrides;
    }

    public static ColumnMap For(IReadOnlyList<string> header, string? idColumn, IReadOnlyDictionary<MatchRole, string> overrides, string file)
    {
        int? Find(string name)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
            return null;
        }

        int? id;
        if (idColumn is not null)
        {
            id = Find(idColumn) ?? throw new UsageException($"--id-column '{idColumn}' is not a column of {file}. Columns: {string.Join(", ", header)}.");
        }
        else
        {
            var recognised = header.ToList().FindIndex(MatchColumnNames.IsIdColumn);
            id = recognised >= 0 ? recognised : null;
        }

        var roles = new Dictionary<MatchRole, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (i != id && MatchColumnNames.Recognise(header[i]) is { } role && !roles.ContainsKey(role))
            {
                roles[role] = i;
            }
        }
        foreach (var (role, name) in overrides)
        {
            roles.Remove(role);
            if (name.Length > 0)
            {
                roles[role] = Find(name) ?? throw new UsageException(
                    $"--column {MatchRoles.Name(role)}={name}: {file} has no column '{name}'. Columns: {string.Join(", ", header)}.");
            }
        }
        if (roles.Count == 0)
        {
            throw new UsageException(
                $"No column of {file} was recognised ({string.Join(", ", header)}). Name them with --column role=column.");
        }
        return new ColumnMap(id, roles);
    }
}
