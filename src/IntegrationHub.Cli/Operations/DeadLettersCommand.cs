using System.CommandLine;

namespace IntegrationHub.Cli.Operations;

/// <summary><c>hub deadletters list</c> and <c>hub deadletters replay ID</c>, against a running hub's API (either host).</summary>
internal static class DeadLettersCommand
{
    public static Command Create()
    {
        var api = new HubApiOptions();
        var pageSize = new Option<int>("--page-size") { Description = "Dead letters to list (1-200).", DefaultValueFactory = _ => 50 };
        var id = new Argument<string>("id") { Description = "The dead letter's id, as `hub deadletters list` shows it." };

        var list = new Command("list", "List deliveries the hub gave up on: what failed, why, how many times.") { api.Url, api.Key, pageSize };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var client = api.CreateClient(parse);
            return await DeadLettersRunner.ListAsync(client, parse.GetValue(pageSize), Console.Out, Console.Error, cancellationToken);
        });
        var replay = new Command("replay", "Process a dead letter's delivery again through today's normalisers.") { id, api.Url, api.Key };
        replay.SetAction(async (parse, cancellationToken) =>
        {
            using var client = api.CreateClient(parse);
            return await DeadLettersRunner.ReplayAsync(client, parse.GetValue(id)!, Console.Out, Console.Error, cancellationToken);
        });
        return new Command("deadletters", "See and replay what the hub could not process.") { list, replay };
    }
}
