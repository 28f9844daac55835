using System.CommandLine;
using IntegrationHub.Cli;
using IntegrationHub.Cli.Bench;
using IntegrationHub.Cli.Operations;
using IntegrationHub.Cli.Serve;
using IntegrationHub.Cli.Webhooks;

var root = new RootCommand("IntegrationHub: takes your marketing tools' webhooks and keeps one unified record per customer.")
{
    ServeCommand.Create(),
    WebhooksCommand.Create(),
    DeadLettersCommand.Create(),
    ReplayCommand.Create(),
    SuggestionsCommand.Create(),
    IntegrationHub.Cli.Match.MatchCommand.Create(),
    BenchCommand.Create(),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message);
    }
    return CliExitCodes.Usage;
}
return await parsed.InvokeAsync();
