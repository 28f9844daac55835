using IntegrationHub.Core.Matching;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

/// <summary>A model source holding a model learned in the test (never hand-set weights), or none (matching off).</summary>
public sealed class FixedMatchModel(MatchModel? model) : IMatchModelSource
{
    public MatchModel? Model { get; } = model;
}
