using System.Diagnostics;

namespace IntegrationHub.Infra.Tests.Bicep;

/// <summary>The Bicep CLI from the <c>Azure.Bicep.CommandLine</c> package in the NuGet global packages folder. Every
/// command runs with <c>--no-restore</c> and the template uses local modules only, so nothing reaches the network.</summary>
public sealed class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private BicepCli(string executable) => Executable = executable;

    public string Executable { get; }

    public static BicepCli Locate()
    {
        var executable = Path.Combine(BuildMetadata.NuGetPackageRoot, BuildMetadata.BicepCliPackage, "tools",
            OperatingSystem.IsWindows() ? "bicep.exe" : "bicep");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at {executable}; run dotnet restore.", executable);
        }
        EnsureExecutable(executable);
        return new BicepCli(executable);
    }

    public BicepResult Build(string bicepFile, string outputFile) =>
        Run("build", bicepFile, "--no-restore", "--outfile", outputFile);

    public BicepResult Lint(string bicepFile) =>
        Run("lint", bicepFile, "--no-restore", "--diagnostics-format", "sarif");

    public BicepResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }
        return new BicepResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    /// <summary>NuGet extracts the package with the mode its archive records, which may lack execute bits.</summary>
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }
    }
}
