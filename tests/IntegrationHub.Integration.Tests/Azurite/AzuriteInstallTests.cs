using IntegrationHub.Infrastructure.Azurite;

namespace IntegrationHub.Integration.Tests.Azurite;

public sealed class AzuriteInstallTests : IDisposable
{
    private readonly string _package = Directory.CreateTempSubdirectory("azurite-install-").FullName;

    [Fact]
    public void IsInstalled_EntryPointWrittenButNpmNotFinished_IsNot()
    {
        // Arrange: what a second process sees while the first one's npm ci is still writing modules.
        Write(AzuriteInstall.EntryPoint);

        // Act
        var installed = AzuriteInstall.IsInstalled(_package);

        // Assert
        Assert.False(installed);
    }

    [Fact]
    public void IsInstalled_EntryPointAndFinishedMarker_Is()
    {
        // Arrange
        Write(AzuriteInstall.EntryPoint);
        Write(Path.Combine("node_modules", ".integrationhub-installed"));

        // Act
        var installed = AzuriteInstall.IsInstalled(_package);

        // Assert
        Assert.True(installed);
    }

    public void Dispose() => Directory.Delete(_package, recursive: true);

    private void Write(string relative)
    {
        var path = Path.Combine(_package, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
    }
}
