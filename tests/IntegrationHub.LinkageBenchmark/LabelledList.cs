using IntegrationHub.Core.Matching;

namespace IntegrationHub.LinkageBenchmark;

/// <summary>A person list and, for each record, the id of the true entity it belongs to.</summary>
internal sealed record LabelledList(string Name, IReadOnlyList<MatchRecord> Records, IReadOnlyList<string> Truth);
