namespace IntegrationHub.Infra.Tests.Settings;

/// <summary>Compares what the code requires with what main.bicep sets, by name; each problem is one readable line.</summary>
public static class SettingsDrift
{
    public static IReadOnlyList<string> Problems(IEnumerable<SettingRequirement> required, TemplateAppSettings template)
    {
        var problems = new List<string>();
        foreach (var requirement in required)
        {
            var source = $"{requirement.Key} ({requirement.Origin}, {requirement.Meaning})";
            foreach (var group in requirement.MustSet.Where(g => !g.Any(template.Contains)))
            {
                problems.Add($"{source}: main.bicep sets none of {string.Join(" / ", group)}");
            }
            foreach (var name in requirement.MustNotSet.Where(template.Contains))
            {
                problems.Add($"{source}: main.bicep must not set {name}");
            }
            if (requirement.WorkerRuntime is { } runtime && !string.Equals(runtime, template.WorkerRuntime, StringComparison.Ordinal))
            {
                problems.Add($"{source}: functionAppConfig.runtime.name is '{template.WorkerRuntime}', expected '{runtime}'");
            }
        }
        return problems;
    }
}
