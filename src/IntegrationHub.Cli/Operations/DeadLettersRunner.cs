using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Core.Operations;

namespace IntegrationHub.Cli.Operations;

/// <summary>Runs the dead-letter commands. Exit 0 done, 1 the hub refused or is unreachable.</summary>
internal static class DeadLettersRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> ListAsync(HttpClient hub, int pageSize, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await hub.GetAsync($"api/deadletters?pageSize={pageSize}", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                await error.WriteLineAsync($"The hub answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                return CliExitCodes.Failure;
            }
            var page = await response.Content.ReadFromJsonAsync<DeadLetterPage>(Json, cancellationToken);
            if (page is null || page.Items.Count == 0)
            {
                await output.WriteLineAsync("No dead letters.");
                return CliExitCodes.Success;
            }
            await output.WriteLineAsync("id                                connection  delivery                        attempts  reason");
            foreach (var letter in page.Items)
            {
                await output.WriteLineAsync(
                    $"{letter.Id}  {letter.Connection,-10}  {letter.DeliveryId,-30}  {letter.Attempts,8}  {letter.Reason}: {letter.Description}");
            }
            if (page.Continuation is not null)
            {
                await output.WriteLineAsync($"(more: raise --page-size, or page through GET /api/deadletters?continuation=…)");
            }
            return CliExitCodes.Success;
        }
        catch (HttpRequestException unreachable)
        {
            await error.WriteLineAsync($"Could not reach the hub at {hub.BaseAddress}: {unreachable.Message}");
            return CliExitCodes.Failure;
        }
    }

    public static async Task<int> ReplayAsync(HttpClient hub, string id, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await hub.PostAsync($"api/deadletters/{Uri.EscapeDataString(id)}/replay", null, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var letter = await response.Content.ReadFromJsonAsync<DeadLetter>(Json, cancellationToken);
                await output.WriteLineAsync($"Replaying delivery {letter?.DeliveryId} on {letter?.Connection}.");
                return CliExitCodes.Success;
            }
            await error.WriteLineAsync(response.StatusCode == HttpStatusCode.NotFound
                ? $"No dead letter '{id}'."
                : $"The hub answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return CliExitCodes.Failure;
        }
        catch (HttpRequestException unreachable)
        {
            await error.WriteLineAsync($"Could not reach the hub at {hub.BaseAddress}: {unreachable.Message}");
            return CliExitCodes.Failure;
        }
    }
}
