using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationHub.Infra.Tests.Bicep;

namespace IntegrationHub.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed partial class BicepBuildTests(InfraBuild infra)
{
    [Fact]
    public void Build_MainBicep_CompilesWithoutDiagnostics()
    {
        Assert.True(infra.Result.ExitCode == 0, infra.Result.ToString());
        Assert.True(string.IsNullOrWhiteSpace(infra.Result.StandardError), infra.Result.ToString());
        Assert.NotEmpty(infra.Compiled.Resources);
    }

    [Fact]
    public void Lint_MainBicep_ReportsNoWarningsOrErrors()
    {
        var result = infra.Cli.Lint(infra.MainBicep);

        Assert.True(result.ExitCode == 0, result.ToString());
        var sarif = JsonNode.Parse(result.StandardOutput)!;
        var diagnostics = sarif["runs"]!.AsArray()
            .SelectMany(run => run!["results"]!.AsArray())
            .Select(d => $"{d!["level"]} {d["ruleId"]}: {d["message"]?["text"]} at {d["locations"]?.ToJsonString()}")
            .ToList();
        Assert.True(diagnostics.Count == 0, string.Join('\n', diagnostics));
        Assert.True(string.IsNullOrWhiteSpace(result.StandardError), result.ToString());
    }

    [Fact]
    public void Modules_AreLocalFiles_SoBicepNeverRestoresFromARegistry()
    {
        var infraDirectory = BuildMetadata.InRepository("infra");
        var references = Directory.EnumerateFiles(infraDirectory, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(file => ModuleOrImport().Matches(File.ReadAllText(file)).Select(m => (file, path: m.Groups["path"].Value)))
            .ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            Assert.DoesNotMatch("^(br|ts)[:/]", r.path);
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(r.file)!, r.path)), $"{r.file} uses missing {r.path}");
        });
    }

    [GeneratedRegex(@"^\s*(?:module\s+\w+|import\s+.+?\s+from)\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleOrImport();
}
