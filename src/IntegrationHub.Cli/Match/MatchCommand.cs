using System.CommandLine;

namespace IntegrationHub.Cli.Match;

/// <summary><c>hub match</c>: finds the duplicates in a person list (or links two lists) without a shared identifier —
/// what marketing ops run to clean a list before importing it.</summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var inputs = new Option<FileInfo[]>("--input") { Description = "A CSV person list; give two to link one list to the other.", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "Where to write id,cluster_id for every input row.", Required = true };
        var idColumn = new Option<string?>("--id-column") { Description = "The column holding each row's id (default: a recognised id column, else the row number)." };
        var columns = new Option<string[]>("--column") { Description = "Use a column for a role, as role=column (repeat); role= ignores the role. Roles: " + string.Join(", ", Core.Matching.MatchRoles.All.Select(Core.Matching.MatchRoles.Name)) + "." };
        var threshold = new Option<double>("--threshold") { Description = "Match probability at or above which rows are linked.", DefaultValueFactory = _ => 0.9 };
        var reviewThreshold = new Option<double>("--review-threshold") { Description = "Match probability at or above which a pair below --threshold is suggested for review (never linked).", DefaultValueFactory = _ => 0.5 };
        var suggestions = new Option<FileInfo?>("--suggestions") { Description = "Where to write the pairs to review, with each score explained." };
        var saveModel = new Option<FileInfo?>("--save-model") { Description = "Where to write the learned model (JSON), for the hub's Hub:Matching:ModelPath." };
        var phoneRegion = new Option<string>("--phone-region") { Description = "Region for phone numbers written without a country code.", DefaultValueFactory = _ => "US" };

        var command = new Command("match", "Deduplicate a CSV person list, or link two lists, by probabilistic matching.")
        {
            inputs, output, idColumn, columns, threshold, reviewThreshold, suggestions, phoneRegion, saveModel,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new MatchRequest(
                parse.GetValue(inputs) ?? [],
                parse.GetValue(output)!,
                parse.GetValue(idColumn),
                parse.GetValue(columns) ?? [],
                parse.GetValue(threshold),
                parse.GetValue(reviewThreshold),
                parse.GetValue(suggestions),
                parse.GetValue(phoneRegion)!,
                parse.GetValue(saveModel));
            return await MatchRunner.RunAsync(request, Console.Out, Console.Error, MatchProgressDisplay.ForConsole(), cancellationToken);
        });
        return command;
    }
}
