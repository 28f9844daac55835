using System.CommandLine;

namespace IntegrationHub.Cli.Operations;

/// <summary><c>hub suggestions list|show ID|accept ID|reject ID</c>: the review queue of probabilistic matches, against
/// a running hub's API (either host).</summary>
internal static class SuggestionsCommand
{
    public static Command Create()
    {
        var api = new HubApiOptions();
        var pageSize = new Option<int>("--page-size") { Description = "Suggestions to list (1-200).", DefaultValueFactory = _ => 50 };
        Argument<string> Id() => new("id") { Description = "The suggestion's id, as `hub suggestions list` shows it." };

        var list = new Command("list", "List suggested matches, pending first, with their scores.") { api.Url, api.Key, pageSize };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var client = api.CreateClient(parse);
            return await SuggestionsRunner.ListAsync(client, parse.GetValue(pageSize), Console.Out, Console.Error, cancellationToken);
        });
        var show = WithId("show", "Show a suggestion's score, field by field.", SuggestionsRunner.ShowAsync);
        var accept = WithId("accept", "Link the two profiles: they become one, as an automatic match would.", SuggestionsRunner.AcceptAsync);
        var reject = WithId("reject", "Keep the two profiles apart; the pair is never suggested again.", SuggestionsRunner.RejectAsync);
        return new Command("suggestions", "Review the matches the hub suggested but did not make.") { list, show, accept, reject };

        Command WithId(string name, string description, Func<HttpClient, string, TextWriter, TextWriter, CancellationToken, Task<int>> run)
        {
            var id = Id();
            var command = new Command(name, description) { id, api.Url, api.Key };
            command.SetAction(async (parse, cancellationToken) =>
            {
                using var client = api.CreateClient(parse);
                return await run(client, parse.GetValue(id)!, Console.Out, Console.Error, cancellationToken);
            });
            return command;
        }
    }
}
