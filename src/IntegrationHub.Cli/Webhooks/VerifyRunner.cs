using IntegrationHub.Core;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Configuration;

namespace IntegrationHub.Cli.Webhooks;

/// <summary>Runs one verification with the same verifiers the hub registers. Exit 0 valid, 1 not valid, 2 usage.</summary>
internal static class VerifyRunner
{
    private const string Connection = "cli";

    public static async Task<int> RunAsync(
        VerifyRequest request, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddHubCore()
            .BuildServiceProvider();
        var verifier = services.GetServices<IWebhookVerifier>().FirstOrDefault(v => v.Provider == request.Provider);
        if (verifier is null)
        {
            var known = string.Join(", ", services.GetServices<IWebhookVerifier>().Select(v => v.Provider).Order(StringComparer.Ordinal));
            await error.WriteLineAsync($"Unknown provider '{request.Provider}'. Known providers: {known}.");
            return CliExitCodes.Usage;
        }
        if (!TryParseHeaders(request.Headers, out var headers, out var badHeader))
        {
            await error.WriteLineAsync($"--header '{badHeader}' is not \"Name: value\".");
            return CliExitCodes.Usage;
        }
        if (!TryParseSettings(request.Settings, out var settings, out var badSetting))
        {
            await error.WriteLineAsync($"--setting '{badSetting}' is not key=value.");
            return CliExitCodes.Usage;
        }
        if (!TryParseNow(request.Now, time, out var now))
        {
            await error.WriteLineAsync($"--now '{request.Now}' is not unix seconds, unix milliseconds or ISO 8601.");
            return CliExitCodes.Usage;
        }
        if (!Uri.TryCreate(request.Url ?? "https://localhost/api/webhooks/cli", UriKind.Absolute, out var url))
        {
            await error.WriteLineAsync($"--url '{request.Url}' is not an absolute URL.");
            return CliExitCodes.Usage;
        }
        if (!request.BodyFile.Exists)
        {
            await error.WriteLineAsync($"--body-file '{request.BodyFile.FullName}' does not exist.");
            return CliExitCodes.Usage;
        }

        var body = await File.ReadAllBytesAsync(request.BodyFile.FullName, cancellationToken);
        var connection = new ConnectionOptions { Provider = request.Provider };
        connection.Secrets.AddRange(request.Secrets);
        connection.PublicKeys.AddRange(request.PublicKeys);
        foreach (var (key, value) in settings)
        {
            connection.Settings[key] = value;
        }
        var result = verifier.Verify(new WebhookRequest(Connection, request.Method.ToUpperInvariant(), url, headers, body), connection, now);
        if (result.IsValid)
        {
            await output.WriteLineAsync($"valid (delivery id {result.DeliveryIdFor(body)})");
            return CliExitCodes.Success;
        }
        await output.WriteLineAsync($"not valid: {result.Problem!.Title}: {result.Problem.Detail}");
        return CliExitCodes.Failure;
    }

    private static bool TryParseHeaders(IReadOnlyList<string> values, out Dictionary<string, string> headers, out string? bad)
    {
        headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        bad = null;
        foreach (var value in values)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                bad = value;
                return false;
            }
            var name = value[..colon].Trim();
            var text = value[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var existing) ? $"{existing},{text}" : text;
        }
        return true;
    }

    private static bool TryParseSettings(IReadOnlyList<string> values, out Dictionary<string, string> settings, out string? bad)
    {
        settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        bad = null;
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                bad = value;
                return false;
            }
            settings[value[..equals].Trim()] = value[(equals + 1)..];
        }
        return true;
    }

    /// <summary>Unix seconds, unix milliseconds (13 digits and more) or ISO 8601; absent means the real clock.</summary>
    internal static bool TryParseNow(string? text, TimeProvider time, out DateTimeOffset now)
    {
        now = time.GetUtcNow();
        return string.IsNullOrWhiteSpace(text) || InstantText.TryParse(text, out now);
    }
}
