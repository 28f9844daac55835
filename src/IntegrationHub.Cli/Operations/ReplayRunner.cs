using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Operations;

namespace IntegrationHub.Cli.Operations;

/// <summary>Runs the replay commands against a hub's API. Exit 0 done (a followed replay completed), 1 the hub refused,
/// is unreachable, or the replay was cancelled or failed, 2 usage.</summary>
internal static class ReplayRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> StartAsync(
        HttpClient hub, ReplayArguments arguments, TextWriter output, TextWriter error, TimeSpan pollInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!TryCheck(arguments, out var from, out var to, out var usage))
        {
            await error.WriteLineAsync(usage);
            return CliExitCodes.Usage;
        }
        return await CallAsync(hub, error, async () =>
        {
            var body = new
            {
                connection = arguments.Connection,
                from = from.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                to = to.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            };
            using var response = await hub.PostAsJsonAsync("api/replays", body, Json, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                await error.WriteLineAsync(await RefusalAsync(response, cancellationToken));
                return CliExitCodes.Failure;
            }
            var job = (await response.Content.ReadFromJsonAsync<ReplayJob>(Json, cancellationToken))!;
            await output.WriteLineAsync(
                $"Replay {job.Id} started: deliveries on {job.Connection} received from {Format(job.From)} to {Format(job.To)}.");
            return arguments.Follow ? await FollowAsync(hub, job, output, pollInterval, time, cancellationToken) : CliExitCodes.Success;
        });
    }

    public static Task<int> StatusAsync(HttpClient hub, string id, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CallAsync(hub, error, async () =>
        {
            using var response = await hub.GetAsync($"api/replays/{Uri.EscapeDataString(id)}", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                await error.WriteLineAsync(await RefusalAsync(response, cancellationToken));
                return CliExitCodes.Failure;
            }
            await output.WriteLineAsync(Describe((await response.Content.ReadFromJsonAsync<ReplayJob>(Json, cancellationToken))!));
            return CliExitCodes.Success;
        });

    public static Task<int> CancelAsync(HttpClient hub, string id, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CallAsync(hub, error, async () =>
        {
            using var response = await hub.PostAsync($"api/replays/{Uri.EscapeDataString(id)}/cancel", null, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                await error.WriteLineAsync(await RefusalAsync(response, cancellationToken));
                return CliExitCodes.Failure;
            }
            await output.WriteLineAsync($"Replay {id} is stopping after the page in hand.");
            return CliExitCodes.Success;
        });

    /// <summary>Checks the arguments make a replay; <paramref name="problem"/> says what is wrong when they do not.</summary>
    internal static bool TryCheck(ReplayArguments arguments, out DateTimeOffset from, out DateTimeOffset to, out string? problem)
    {
        from = to = default;
        problem = null;
        if (string.IsNullOrEmpty(arguments.Connection) || arguments.From is null || arguments.To is null)
        {
            problem = "hub replay needs --connection, --from and --to (e.g. hub replay --connection shop --from 2026-11-20T00:00:00Z --to 2026-11-21T00:00:00Z).";
        }
        else if (!ConnectionName.IsValid(arguments.Connection))
        {
            problem = $"--connection '{arguments.Connection}' is not a connection name (letters, digits, '-' and '_', at most {ConnectionName.MaxLength}).";
        }
        else if (!InstantText.TryParse(arguments.From, out from))
        {
            problem = $"--from '{arguments.From}' is not unix seconds, unix milliseconds or ISO 8601.";
        }
        else if (!InstantText.TryParse(arguments.To, out to))
        {
            problem = $"--to '{arguments.To}' is not unix seconds, unix milliseconds or ISO 8601.";
        }
        else if (from >= to)
        {
            problem = "--from must be before --to.";
        }
        return problem is null;
    }

    private static async Task<int> FollowAsync(
        HttpClient hub, ReplayJob job, TextWriter output, TimeSpan pollInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        var shown = "";
        try
        {
            while (true)
            {
                var line = Describe(job);
                if (line != shown)
                {
                    await output.WriteLineAsync(line);
                    shown = line;
                }
                if (ReplayStatus.IsFinished(job.Status))
                {
                    return job.Status == ReplayStatus.Completed ? CliExitCodes.Success : CliExitCodes.Failure;
                }
                await Task.Delay(pollInterval, time, cancellationToken);
                job = (await hub.GetFromJsonAsync<ReplayJob>($"api/replays/{job.Id}", Json, cancellationToken))!;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync(
                $"Stopped watching; replay {job.Id} carries on. Watch it with `hub replay status {job.Id}`, stop it with `hub replay cancel {job.Id}`.");
            return CliExitCodes.Failure;
        }
    }

    private static string Describe(ReplayJob job) => job.Error is null
        ? $"{job.Status}: {job.Found} found, {job.Enqueued} queued"
        : $"{job.Status}: {job.Found} found, {job.Enqueued} queued ({job.Error})";

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<int> CallAsync(HttpClient hub, TextWriter error, Func<Task<int>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException unreachable)
        {
            await error.WriteLineAsync($"Could not reach the hub at {hub.BaseAddress}: {unreachable.Message}");
            return CliExitCodes.Failure;
        }
    }

    /// <summary>The problem's detail when the hub sent one, else the status and body.</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.ValueKind == JsonValueKind.Object
                && problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                return $"The hub answered {(int)response.StatusCode}: {detail.GetString()}";
            }
        }
        catch (JsonException)
        {
            // Not a problem document: show it as it came.
        }
        return $"The hub answered {(int)response.StatusCode}: {text}";
    }
}
