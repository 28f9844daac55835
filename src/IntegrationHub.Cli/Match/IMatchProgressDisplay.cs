using IntegrationHub.Core.Matching;

namespace IntegrationHub.Cli.Match;

/// <summary>Shows a long matching run's progress while the work runs.</summary>
internal interface IMatchProgressDisplay
{
    T Run<T>(Func<IProgress<MatchProgress>, T> work);
}
