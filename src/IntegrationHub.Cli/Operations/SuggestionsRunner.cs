using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Core.Matching.Pipeline;

namespace IntegrationHub.Cli.Operations;

/// <summary>Runs the suggestion commands. Exit 0 done, 1 the hub refused (unknown id, not pending) or is unreachable.</summary>
internal static class SuggestionsRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<int> ListAsync(HttpClient hub, int pageSize, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CallAsync(hub, error, hub.GetAsync($"api/suggestions?pageSize={pageSize}", cancellationToken), null, async response =>
        {
            var page = await response.Content.ReadFromJsonAsync<SuggestionPage>(Json, cancellationToken);
            if (page is null || page.Items.Count == 0)
            {
                await output.WriteLineAsync("No suggestions.");
                return;
            }
            await output.WriteLineAsync("id                                  status    probability  profiles");
            foreach (var s in page.Items)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Id}  {s.Status,-8}  {s.Probability,11:0.0000}  {s.ProfileA} {s.ProfileB}"));
            }
            if (page.Continuation is not null)
            {
                await output.WriteLineAsync("(more: raise --page-size, or page through GET /api/suggestions?continuation=…)");
            }
        });

    public static Task<int> ShowAsync(HttpClient hub, string id, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CallAsync(hub, error, hub.GetAsync($"api/suggestions/{Uri.EscapeDataString(id)}", cancellationToken), id, async response =>
        {
            var s = (await response.Content.ReadFromJsonAsync<MatchSuggestion>(Json, cancellationToken))!;
            await output.WriteLineAsync($"{s.Id}: {s.Status}, {s.ProfileA} and {s.ProfileB}");
            await output.WriteLineAsync(s.Explanation.ToString());
        });

    public static Task<int> AcceptAsync(HttpClient hub, string id, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        DecideAsync(hub, id, "accept", output, error, cancellationToken);

    public static Task<int> RejectAsync(HttpClient hub, string id, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        DecideAsync(hub, id, "reject", output, error, cancellationToken);

    private static Task<int> DecideAsync(
        HttpClient hub, string id, string action, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CallAsync(hub, error, hub.PostAsync($"api/suggestions/{Uri.EscapeDataString(id)}/{action}", null, cancellationToken), id, async response =>
        {
            var decision = (await response.Content.ReadFromJsonAsync<SuggestionDecision>(Json, cancellationToken))!;
            await output.WriteLineAsync(decision.ProfileId is { } profile
                ? $"Suggestion {id} {decision.Suggestion.Status}: one profile, {profile}."
                : $"Suggestion {id} {decision.Suggestion.Status}.");
        });

    /// <summary>Sends, answers 2xx with <paramref name="success"/>, and turns every refusal into one line and exit 1.</summary>
    private static async Task<int> CallAsync(
        HttpClient hub, TextWriter error, Task<HttpResponseMessage> send, string? id, Func<HttpResponseMessage, Task> success)
    {
        try
        {
            using var response = await send;
            if (response.IsSuccessStatusCode)
            {
                await success(response);
                return CliExitCodes.Success;
            }
            await error.WriteLineAsync(response.StatusCode == HttpStatusCode.NotFound && id is not null
                ? $"No suggestion '{id}'."
                : $"The hub answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return CliExitCodes.Failure;
        }
        catch (HttpRequestException unreachable)
        {
            await error.WriteLineAsync($"Could not reach the hub at {hub.BaseAddress}: {unreachable.Message}");
            return CliExitCodes.Failure;
        }
    }
}
