namespace IntegrationHub.Core.Matching;

/// <summary>The steps of a matching run, in order.</summary>
public enum MatchStage
{
    Normalising,
    Comparing,
    Estimating,
    Scoring,
    Clustering,
}
