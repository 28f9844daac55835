namespace IntegrationHub.Core.Matching.Blocking;

/// <summary>Two records (A &lt; B, indices into the list) that a blocking rule put together, and their packed
/// comparison vector.</summary>
internal readonly record struct CandidatePair(int A, int B, long Vector);
