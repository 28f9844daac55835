using System.Diagnostics;

namespace IntegrationHub.Infrastructure.Azurite;

/// <summary>A handle on the Azurite a connection uses. Disposing it stops Azurite — gracefully, so it saves its data,
/// and by force (its whole process tree) only if that fails — and only when <see cref="AzuriteLauncher"/> started it;
/// a handle on an Azurite that was already running, or on a connection that is not development storage, does nothing.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(30);
    private readonly Process? _process;
    private readonly OutputTail? _errors;
    private int _disposed;

    private AzuriteProcess(AzuriteEndpoints? endpoints, Process? process, OutputTail? errors)
    {
        Endpoints = endpoints;
        _process = process;
        _errors = errors;
    }

    /// <summary>Where Azurite listens, or null when the connection is not development storage.</summary>
    public AzuriteEndpoints? Endpoints { get; }

    /// <summary>True when this handle started Azurite and so will stop it.</summary>
    public bool OwnsProcess => _process is not null;

    /// <summary>The Node.js process id when this handle owns it.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>What Azurite has written to stderr (only when this handle owns it).</summary>
    public string StandardError => _errors?.ToString() ?? "";

    internal bool HasExited => _process?.HasExited ?? false;

    internal static AzuriteProcess NotDevelopmentStorage() => new(null, null, null);

    internal static AzuriteProcess AlreadyRunning(AzuriteEndpoints endpoints) => new(endpoints, null, null);

    internal static AzuriteProcess Started(AzuriteEndpoints endpoints, Process process, OutputTail errors) =>
        new(endpoints, process, errors);

    /// <summary>Asks Azurite to stop (SIGTERM) and waits for it: it then writes out the data it holds in memory (it
    /// saves only every few seconds otherwise), so what it acknowledged survives a restart. False where there is no
    /// SIGTERM (Windows) or Azurite did not exit in time.</summary>
    private async Task<bool> StopGracefullyAsync()
    {
        if (_process!.HasExited)
        {
            return true;
        }
        if (OperatingSystem.IsWindows())
        {
            return false;
        }
        var start = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-TERM");
        start.ArgumentList.Add(_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using (var term = Process.Start(start))
        {
            if (term is null)
            {
                return false;
            }
            await term.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(GracefulStopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null || Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        try
        {
            if (!await StopGracefullyAsync())
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(StopTimeout);
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // The process was never started or already reaped: nothing left to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
