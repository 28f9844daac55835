using System.Text.Encodings.Web;
using System.Text.Json;
using IntegrationHub.Core.Matching.Comparisons;

namespace IntegrationHub.Core.Matching;

/// <summary>A learned model as JSON (<c>hub match --save-model</c>), and back: the prior, each field's m and u per
/// comparison level and the blocking rules. Reading rebuilds the comparisons from the saved roles and refuses a file
/// whose fields or levels are not the ones this version compares, so a model is never applied to the wrong levels.</summary>
public static class MatchModelJson
{
    public const string Format = "integrationhub.match-model";
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file for people and the hub, never embedded in HTML: keep '+' in rule names readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var document = new ModelDocument(
            Format,
            Version,
            [.. model.Roles.Select(MatchRoles.Name)],
            model.Lambda,
            model.PriorWeight,
            model.BlockingRules,
            [.. model.Fields.Select(f => new FieldDocument(f.Name, [.. f.Levels.Select(l => new LevelDocument(l.Label, l.M, l.U, l.Weight))]))]);
        return JsonSerializer.Serialize(document, Options);
    }

    /// <exception cref="FormatException">The text is not a model this version can use; the message says why.</exception>
    public static MatchModel Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ModelDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ModelDocument>(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"It is not valid JSON ({e.Message}).", e);
        }
        if (document is null || document.Format != Format)
        {
            throw new FormatException($"It is not a match model (expected \"format\": \"{Format}\").");
        }
        if (document.Version != Version)
        {
            throw new FormatException($"Its version {document.Version} is not {Version}; save the model again with this hub.");
        }
        var roles = new List<MatchRole>();
        foreach (var name in document.Roles ?? [])
        {
            if (!MatchRoles.TryParse(name, out var role))
            {
                throw new FormatException($"Unknown role '{name}'.");
            }
            roles.Add(role);
        }
        if (roles.Count == 0)
        {
            throw new FormatException("It names no roles.");
        }
        if (document.Lambda is not (> 0 and < 1))
        {
            throw new FormatException("Its lambda must be a probability in (0, 1).");
        }
        var set = ComparisonSet.For(roles.ToHashSet());
        var fields = document.Fields ?? [];
        if (fields.Count != set.Count)
        {
            throw new FormatException($"It has {fields.Count} fields where its roles give {set.Count}.");
        }
        var m = new double[set.Count][];
        var u = new double[set.Count][];
        for (var c = 0; c < set.Count; c++)
        {
            var comparison = set.Comparisons[c];
            var levels = fields[c].Levels ?? [];
            if (fields[c].Name != comparison.Name || !levels.Select(l => l.Label).SequenceEqual(comparison.Levels))
            {
                throw new FormatException($"Field {c + 1} ('{fields[c].Name}') does not have the levels this hub compares for '{comparison.Name}'.");
            }
            if (levels.Any(l => l.M is not (> 0 and <= 1) || l.U is not (> 0 and <= 1)))
            {
                throw new FormatException($"Field '{comparison.Name}' has an m or u that is not a probability in (0, 1].");
            }
            m[c] = [.. levels.Select(l => l.M)];
            u[c] = [.. levels.Select(l => l.U)];
        }
        return new MatchModel(set, m, u, document.Lambda, roles);
    }

    private sealed record ModelDocument(
        string? Format,
        int Version,
        IReadOnlyList<string>? Roles,
        double Lambda,
        double PriorWeight,
        IReadOnlyList<string>? BlockingRules,
        IReadOnlyList<FieldDocument>? Fields);

    private sealed record FieldDocument(string? Name, IReadOnlyList<LevelDocument>? Levels);

    private sealed record LevelDocument(string? Label, double M, double U, double Weight);
}
