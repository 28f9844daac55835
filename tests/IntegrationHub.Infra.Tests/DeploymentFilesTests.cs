using System.Text.RegularExpressions;
using IntegrationHub.Infra.Tests.Bicep;

namespace IntegrationHub.Infra.Tests;

/// <summary>The files azd and az read beside main.bicep agree with it.</summary>
[Collection(InfraCollection.Name)]
public sealed partial class DeploymentFilesTests(InfraBuild infra)
{
    [Fact]
    public void MainParameters_NameOnlyDeclaredParameters_AndSupplyEveryRequiredOne()
    {
        var declared = infra.Compiled.Root.Template["parameters"]!.AsObject();
        var supplied = RepositoryFiles.ReadJson("infra", "main.parameters.json")["parameters"]!.AsObject().Select(p => p.Key).ToList();

        Assert.All(supplied, name => Assert.True(declared.ContainsKey(name), $"main.bicep declares no parameter {name}"));
        Assert.All(declared.Where(p => p.Value!["defaultValue"] is null && p.Value["nullable"] is null),
            p => Assert.Contains(p.Key, supplied));
    }

    [Fact]
    public void AzureYaml_ProvisionsInfraMainAndDeploysTheFunctionsProjectToAFunctionApp()
    {
        var yaml = RepositoryFiles.ReadText("azure.yaml");

        Assert.Matches(InfraBlock(), yaml);
        var service = ServiceBlock().Match(yaml);
        Assert.True(service.Success, "azure.yaml has no services.functions entry");
        Assert.Equal("dotnet", service.Groups["language"].Value);
        Assert.Equal("function", service.Groups["host"].Value);
        var project = BuildMetadata.InRepository(service.Groups["project"].Value.TrimStart('.', '/'));
        Assert.True(File.Exists(Path.Combine(project, "IntegrationHub.Functions.csproj")), $"no Functions project at {project}");
        Assert.Contains("'azd-service-name': 'functions'", RepositoryFiles.ReadText("infra", "modules", "functionapp.bicep"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^infra:\s*\n\s+provider: bicep\s*\n\s+path: infra\s*\n\s+module: main\s*$", RegexOptions.Multiline)]
    private static partial Regex InfraBlock();

    [GeneratedRegex(@"^services:\s*\n\s+functions:\s*\n\s+project: (?<project>\S+)\s*\n\s+language: (?<language>\S+)\s*\n\s+host: (?<host>\S+)", RegexOptions.Multiline)]
    private static partial Regex ServiceBlock();
}
