using System.Reflection;

namespace IntegrationHub.Infra.Tests.Bicep;

/// <summary>Paths the build wrote into this assembly: the NuGet global packages folder, the Bicep CLI package and
/// the repository root.</summary>
public static class BuildMetadata
{
    public static string NuGetPackageRoot => Read(nameof(NuGetPackageRoot));

    public static string BicepCliPackage => Read(nameof(BicepCliPackage));

    public static string RepositoryRoot => Read(nameof(RepositoryRoot));

    public static string InRepository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string Read(string key)
    {
        var value = typeof(BuildMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value;
        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException($"The build did not record {key}; restore and build the test project again.")
            : value;
    }
}
