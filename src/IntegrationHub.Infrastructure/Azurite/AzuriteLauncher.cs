using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Infrastructure.Azurite;

/// <summary>Starts the Azurite pinned in <c>eng/azurite</c> for a development-storage connection when nothing answers
/// on its ports, so <c>hub serve</c> and the integration tests need no separate step.</summary>
public static partial class AzuriteLauncher
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Makes sure Azurite answers for <paramref name="connectionString"/>: does nothing for a connection that
    /// is not development storage or whose ports all answer already; otherwise installs Azurite if needed (npm ci),
    /// starts it with its data in <paramref name="dataDirectory"/> and waits until it listens. Dispose the handle to
    /// stop what this call started.</summary>
    /// <exception cref="InvalidOperationException">Node.js or npm is missing, only some of the ports answer, or Azurite
    /// exits before it listens.</exception>
    /// <exception cref="TimeoutException">Azurite did not listen within 30 seconds.</exception>
    public static async Task<AzuriteProcess> EnsureStartedAsync(
        string connectionString, string dataDirectory, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (!DevelopmentStorage.TryParse(connectionString, out var endpoints))
        {
            return AzuriteProcess.NotDevelopmentStorage();
        }
        var answering = await AnsweringPortsAsync(endpoints, cancellationToken);
        if (answering.Count == endpoints.Ports.Count)
        {
            LogAlreadyRunning(logger, endpoints.BlobPort, endpoints.QueuePort, endpoints.TablePort);
            return AzuriteProcess.AlreadyRunning(endpoints);
        }
        if (answering.Count > 0)
        {
            throw new InvalidOperationException(
                $"Port(s) {string.Join(", ", answering)} answer but {string.Join(", ", endpoints.Ports.Except(answering))} do not: "
                + "another program holds some of Azurite's ports. Stop it, or point AzureWebJobsStorage at other ports.");
        }

        var node = NodeTools.RequireNode();
        await NodeTools.RequireSupportedVersionAsync(node, cancellationToken);
        var packageDirectory = AzuriteInstall.FindPackageDirectory();
        await AzuriteInstall.EnsureInstalledAsync(packageDirectory, logger, cancellationToken);
        Directory.CreateDirectory(dataDirectory);

        var azurite = Start(node, packageDirectory, endpoints, Path.GetFullPath(dataDirectory));
        try
        {
            await WaitUntilListeningAsync(azurite, endpoints, cancellationToken);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
        LogStarted(logger, azurite.ProcessId ?? 0, endpoints.BlobPort, endpoints.QueuePort, endpoints.TablePort);
        return azurite;
    }

    private static AzuriteProcess Start(string node, string packageDirectory, AzuriteEndpoints endpoints, string dataDirectory)
    {
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = packageDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            AzuriteInstall.EntryPoint,
            "--blobHost", "127.0.0.1", "--blobPort", $"{endpoints.BlobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{endpoints.QueuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{endpoints.TablePort}",
            "--location", dataDirectory,
            "--disableTelemetry", "--skipApiVersionCheck", "--silent",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var errors = new OutputTail();
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => errors.Add(e.Data);
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return AzuriteProcess.Started(endpoints, process, errors);
    }

    private static async Task WaitUntilListeningAsync(AzuriteProcess azurite, AzuriteEndpoints endpoints, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (azurite.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited before it listened on ports {string.Join(", ", endpoints.Ports)}:\n{azurite.StandardError}");
            }
            if ((await AnsweringPortsAsync(endpoints, cancellationToken)).Count == endpoints.Ports.Count)
            {
                return;
            }
            if (waited.Elapsed > StartTimeout)
            {
                throw new TimeoutException(
                    $"Azurite did not listen on ports {string.Join(", ", endpoints.Ports)} within {StartTimeout.TotalSeconds:0} s:\n{azurite.StandardError}");
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static async Task<List<int>> AnsweringPortsAsync(AzuriteEndpoints endpoints, CancellationToken cancellationToken)
    {
        var answering = new List<int>(3);
        foreach (var port in endpoints.Ports)
        {
            if (await LoopbackPorts.AnswersAsync(endpoints.Host, port, ProbeTimeout, cancellationToken))
            {
                answering.Add(port);
            }
        }
        return answering;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite already answers on ports {BlobPort}, {QueuePort}, {TablePort}; using it as it is")]
    private static partial void LogAlreadyRunning(ILogger logger, int blobPort, int queuePort, int tablePort);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started Azurite (process {ProcessId}) on ports {BlobPort}, {QueuePort}, {TablePort}")]
    private static partial void LogStarted(ILogger logger, int processId, int blobPort, int queuePort, int tablePort);
}
