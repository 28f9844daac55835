using IntegrationHub.Core.Matching;

namespace IntegrationHub.Core.Ports;

/// <summary>The saved model the pipeline scores with (<c>Hub:Matching:ModelPath</c>); null when matching is off.</summary>
public interface IMatchModelSource
{
    MatchModel? Model { get; }
}
