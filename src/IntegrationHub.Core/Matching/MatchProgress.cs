namespace IntegrationHub.Core.Matching;

/// <summary>How far a matching run is: its stage, and work done out of the stage's total.</summary>
public readonly record struct MatchProgress(MatchStage Stage, long Done, long Total);
