using System.Globalization;
using IntegrationHub.Core.Matching;

namespace IntegrationHub.Cli.Match;

/// <summary>Progress as plain lines (for logs and redirected stderr): each stage when it starts, then every tenth of
/// the way on stages with many items.</summary>
internal sealed class PlainProgressDisplay(TextWriter error) : IMatchProgressDisplay
{
    public T Run<T>(Func<IProgress<MatchProgress>, T> work) => work(new Reporter(error));

    private sealed class Reporter(TextWriter error) : IProgress<MatchProgress>
    {
        private readonly Lock gate = new();
        private MatchStage? stage;
        private int tenths;

        public void Report(MatchProgress value)
        {
            lock (gate)
            {
                if (value.Stage != stage)
                {
                    stage = value.Stage;
                    tenths = 0;
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{MatchProgressDisplay.Describe(value.Stage)} ({value.Total:N0})"));
                    return;
                }
                var reached = value.Total == 0 ? 10 : (int)(value.Done * 10 / value.Total);
                if (value.Total >= 100_000 && reached > tenths && reached < 10)
                {
                    tenths = reached;
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {reached * 10}% ({value.Done:N0} of {value.Total:N0})"));
                }
            }
        }
    }
}
