namespace IntegrationHub.Core.Matching.Estimation;

/// <summary>The result of fitting the two-class mixture: per comparison and level, m and u; the share of matches.</summary>
internal sealed record MixtureFit(double[][] M, double[][] U, double MatchShare, int Iterations, bool Converged);
