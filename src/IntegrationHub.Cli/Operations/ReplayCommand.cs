using System.CommandLine;

namespace IntegrationHub.Cli.Operations;

/// <summary><c>hub replay --connection C --from T --to T</c> starts a replay of archived deliveries and follows it to
/// the end; <c>hub replay status ID</c> and <c>hub replay cancel ID</c> watch and stop one. Against a running hub's API
/// (either host).</summary>
internal static class ReplayCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var api = new HubApiOptions();
        var connection = new Option<string?>("--connection") { Description = "The connection whose deliveries to replay." };
        var from = new Option<string?>("--from") { Description = "Replay deliveries received from this time: ISO 8601 or unix seconds." };
        var to = new Option<string?>("--to") { Description = "…up to (not including) this time: ISO 8601 or unix seconds." };
        var noFollow = new Option<bool>("--no-follow") { Description = "Start the replay and return at once, without following it." };
        var id = new Argument<string>("id") { Description = "The replay's id, as `hub replay` printed it." };

        var status = new Command("status", "Show a replay's status and counts.") { id, api.Url, api.Key };
        status.SetAction(async (parse, cancellationToken) =>
        {
            using var client = api.CreateClient(parse);
            return await ReplayRunner.StatusAsync(client, parse.GetValue(id)!, Console.Out, Console.Error, cancellationToken);
        });
        var cancel = new Command("cancel", "Stop a running replay after the page in hand.") { id, api.Url, api.Key };
        cancel.SetAction(async (parse, cancellationToken) =>
        {
            using var client = api.CreateClient(parse);
            return await ReplayRunner.CancelAsync(client, parse.GetValue(id)!, Console.Out, Console.Error, cancellationToken);
        });

        var replay = new Command(
            "replay",
            "Process a connection's archived deliveries from a time range again through today's normalisers (backfill after a mapping fix).")
        {
            connection, from, to, noFollow, api.Url, api.Key, status, cancel,
        };
        replay.SetAction(async (parse, cancellationToken) =>
        {
            var arguments = new ReplayArguments(parse.GetValue(connection), parse.GetValue(from), parse.GetValue(to), !parse.GetValue(noFollow));
            using var client = api.CreateClient(parse);
            return await ReplayRunner.StartAsync(client, arguments, Console.Out, Console.Error, PollInterval, TimeProvider.System, cancellationToken);
        });
        return replay;
    }
}
