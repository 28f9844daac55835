namespace IntegrationHub.Core.Matching.Blocking;

/// <summary>Records whose keys are equal (and not missing) become candidate pairs.</summary>
internal sealed record BlockingRule(string Name, Func<MatchData, int, string?> Key);
