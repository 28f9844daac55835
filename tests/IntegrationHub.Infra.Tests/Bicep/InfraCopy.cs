using IntegrationHub.Infra.Tests.Template;

namespace IntegrationHub.Infra.Tests.Bicep;

/// <summary>A throw-away copy of infra/ to doctor and build, so a test can prove a check fails on a changed template.</summary>
public sealed class InfraCopy : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("integrationhub-infra-copy-").FullName;

    public InfraCopy()
    {
        var source = BuildMetadata.InRepository("infra");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_directory, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(_directory, relativePath);
        var text = File.ReadAllText(path);
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{relativePath} no longer contains \"{oldText}\"; update the test.");
        }
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public CompiledTemplate Build(BicepCli cli)
    {
        var output = Path.Combine(_directory, "main.json");
        var result = cli.Build(Path.Combine(_directory, "main.bicep"), output);
        return result.ExitCode == 0 ? new CompiledTemplate(File.ReadAllText(output)) : throw new InvalidOperationException(result.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
