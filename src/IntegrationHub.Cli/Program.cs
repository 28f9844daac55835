using System.CommandLine;
using IntegrationHub.Cli.Serve;

var root = new RootCommand("IntegrationHub: takes your marketing tools' webhooks and keeps one unified record per customer.")
{
    ServeCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
