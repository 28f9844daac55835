using System.CommandLine;

namespace IntegrationHub.Cli.Operations;

/// <summary><c>hub deadletters list</c> and <c>hub deadletters replay ID</c>, against a running hub's API (either host).</summary>
internal static class DeadLettersCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url")
        {
            Description = "The hub's base address.",
            DefaultValueFactory = _ => "http://127.0.0.1:7071/",
        };
        url.Validators.Add(result =>
        {
            if (!Uri.TryCreate(result.GetValueOrDefault<string>(), UriKind.Absolute, out _))
            {
                result.AddError("--url must be an absolute http(s) address, e.g. http://127.0.0.1:7071/.");
            }
        });
        var key = new Option<string?>("--key") { Description = "A Functions key, for a hub running in Azure (sent as x-functions-key)." };
        var pageSize = new Option<int>("--page-size") { Description = "Dead letters to list (1-200).", DefaultValueFactory = _ => 50 };
        var id = new Argument<string>("id") { Description = "The dead letter's id, as `hub deadletters list` shows it." };

        var list = new Command("list", "List deliveries the hub gave up on: what failed, why, how many times.") { url, key, pageSize };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var client = HubApiClient.Create(new Uri(parse.GetValue(url)!), parse.GetValue(key));
            return await DeadLettersRunner.ListAsync(client, parse.GetValue(pageSize), Console.Out, Console.Error, cancellationToken);
        });
        var replay = new Command("replay", "Process a dead letter's delivery again through today's normalisers.") { id, url, key };
        replay.SetAction(async (parse, cancellationToken) =>
        {
            using var client = HubApiClient.Create(new Uri(parse.GetValue(url)!), parse.GetValue(key));
            return await DeadLettersRunner.ReplayAsync(client, parse.GetValue(id)!, Console.Out, Console.Error, cancellationToken);
        });
        return new Command("deadletters", "See and replay what the hub could not process.") { list, replay };
    }
}
