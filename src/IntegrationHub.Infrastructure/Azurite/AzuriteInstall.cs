using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Infrastructure.Azurite;

/// <summary>The Azurite the repository pins in <c>eng/azurite</c>, installed with <c>npm ci</c> when missing.</summary>
internal static partial class AzuriteInstall
{
    public const string PackageFolder = "eng/azurite";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The entry point, relative to the package folder.</summary>
    public static string EntryPoint { get; } = Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>Written once <c>npm ci</c> has finished, relative to the package folder. The entry point alone does not
    /// say the install is whole: npm writes files in no set order, so a second process (test assemblies start Azurite
    /// side by side) could find <c>azurite.js</c> while the first is still writing the modules it needs.</summary>
    private static string Marker { get; } = Path.Combine("node_modules", ".integrationhub-installed");

    /// <summary>Walks up from the current directory, then from the application's base directory, to the first
    /// folder holding <c>eng/azurite/package.json</c>.</summary>
    public static string FindPackageDirectory()
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, PackageFolder);
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException(
            $"Cannot find {PackageFolder}/package.json above '{starts[0]}' or '{starts[1]}'. Run from a clone of the "
            + "repository, start Azurite yourself, or point AzureWebJobsStorage at a real storage account.");
    }

    /// <summary>Runs <c>npm ci</c> in <paramref name="packageDirectory"/> unless Azurite is already there. A lock
    /// file keeps two processes from installing at once; the second finds the first one's install.</summary>
    public static async Task EnsureInstalledAsync(string packageDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        if (IsInstalled(packageDirectory))
        {
            return;
        }
        var npm = NodeTools.RequireNpm();
        await using var installLock = await AcquireLockAsync(packageDirectory, cancellationToken);
        if (IsInstalled(packageDirectory))
        {
            return;
        }
        LogInstalling(logger);
        await RunNpmCiAsync(npm, packageDirectory, cancellationToken);
        if (!File.Exists(Path.Combine(packageDirectory, EntryPoint)))
        {
            throw new InvalidOperationException($"npm ci finished but {EntryPoint} is not in {packageDirectory}.");
        }
        await File.WriteAllTextAsync(Path.Combine(packageDirectory, Marker), "npm ci finished\n", cancellationToken);
    }

    internal static bool IsInstalled(string packageDirectory) =>
        File.Exists(Path.Combine(packageDirectory, Marker)) && File.Exists(Path.Combine(packageDirectory, EntryPoint));

    private static async Task RunNpmCiAsync(string npm, string packageDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(npm)
        {
            WorkingDirectory = packageDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }
        var output = new OutputTail();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {packageDirectory} failed with exit code {process.ExitCode}:\n{output}");
        }
    }

    /// <summary>An exclusive lock on a file in the temp folder named after the package folder (so nothing is left
    /// in the repository), held until disposed. The file stays: deleting a lock file lets a third process lock a
    /// new file while a second still holds the old one.</summary>
    private static async Task<FileStream> AcquireLockAsync(string packageDirectory, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(packageDirectory))), 0, 8);
        var path = Path.Combine(Path.GetTempPath(), $"integrationhub-azurite-{hash}.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installing the pinned Azurite with npm ci (first run only)")]
    private static partial void LogInstalling(ILogger logger);
}
