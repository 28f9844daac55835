using IntegrationHub.Infra.Tests.Template;

namespace IntegrationHub.Infra.Tests.Bicep;

/// <summary>Builds infra/main.bicep once for every test in the collection, into a temporary directory.</summary>
public sealed class InfraBuild : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("integrationhub-infra-").FullName;

    public InfraBuild()
    {
        Cli = BicepCli.Locate();
        MainBicep = BuildMetadata.InRepository("infra", "main.bicep");
        OutputFile = Path.Combine(_directory, "main.json");
        Result = Cli.Build(MainBicep, OutputFile);
        Template = Result.ExitCode == 0 && File.Exists(OutputFile) ? new CompiledTemplate(File.ReadAllText(OutputFile)) : null;
    }

    public BicepCli Cli { get; }

    public string MainBicep { get; }

    public string OutputFile { get; }

    public BicepResult Result { get; }

    /// <summary>The compiled template; a failed build fails every test that asks for it.</summary>
    public CompiledTemplate Compiled => Template ?? throw new InvalidOperationException($"bicep build failed:\n{Result}");

    private CompiledTemplate? Template { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
