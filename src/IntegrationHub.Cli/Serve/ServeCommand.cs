using System.CommandLine;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Cli.Serve;

/// <summary><c>hub serve [--urls URL]</c>: runs the whole hub standalone, bringing up Azurite when it is the
/// configured storage and nothing answers on its ports.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:7071";

    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on (semicolon-separated).",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var command = new Command("serve", "Run the hub: webhook intake, the event workers and the portal API.") { urls };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var app = HubServer.Build(parseResult.UnmatchedTokens.ToArray(), parseResult.GetValue(urls)!);
            try
            {
                await app.RunAsync();
                return 0;
            }
            catch (OptionsValidationException invalid)
            {
                await Console.Error.WriteLineAsync(
                    $"hub serve: the configuration is not valid:{Environment.NewLine} - {string.Join($"{Environment.NewLine} - ", invalid.Failures)}");
                return 2;
            }
            catch (InvalidOperationException failed)
            {
                // A dependency the hub brings up itself (Azurite) could not start; the host has logged the details.
                await Console.Error.WriteLineAsync($"hub serve: {failed.Message}");
                return 1;
            }
        });
        return command;
    }
}
