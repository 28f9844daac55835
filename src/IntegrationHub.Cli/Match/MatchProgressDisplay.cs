namespace IntegrationHub.Cli.Match;

/// <summary>Picks the display for the console: live bars on a terminal, plain lines when stderr is redirected.</summary>
internal static class MatchProgressDisplay
{
    public static IMatchProgressDisplay ForConsole() =>
        Console.IsErrorRedirected ? new PlainProgressDisplay(Console.Error) : new SpectreProgressDisplay(Console.Error);

    public static string Describe(Core.Matching.MatchStage stage) => stage switch
    {
        Core.Matching.MatchStage.Normalising => "Normalising values",
        Core.Matching.MatchStage.Comparing => "Comparing candidate pairs",
        Core.Matching.MatchStage.Estimating => "Learning match weights (EM)",
        Core.Matching.MatchStage.Scoring => "Scoring pairs",
        _ => "Clustering",
    };
}
