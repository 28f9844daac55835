using System.Diagnostics;
using System.Globalization;

namespace IntegrationHub.Infrastructure.Azurite;

/// <summary>Finds Node.js and npm on PATH.</summary>
internal static class NodeTools
{
    public const int MinimumNodeMajor = 18;

    public const string Missing =
        "Azurite needs Node.js 18+ and npm on PATH; install them or point AzureWebJobsStorage at a real storage account.";

    public static string RequireNode() => Find("node") ?? throw new InvalidOperationException(Missing);

    public static string RequireNpm() => Find("npm") ?? throw new InvalidOperationException(Missing);

    /// <summary>Checks that <paramref name="node"/> is at least version 18.</summary>
    public static async Task RequireSupportedVersionAsync(string node, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(node, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException(Missing);
        var version = (await process.StandardOutput.ReadToEndAsync(cancellationToken)).Trim();
        await process.WaitForExitAsync(cancellationToken);
        var major = version.TrimStart('v').Split('.')[0];
        if (!int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < MinimumNodeMajor)
        {
            throw new InvalidOperationException($"{Missing} (found Node.js '{version}')");
        }
    }

    /// <summary>The full path of an executable on PATH (with the Windows extensions in PATHEXT), or null.</summary>
    public static string? Find(string name)
    {
        var extensions = OperatingSystem.IsWindows()
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries)
            : [""];
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(directory.Trim('"'), name + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
