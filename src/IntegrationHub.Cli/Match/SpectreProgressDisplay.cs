using IntegrationHub.Core.Matching;
using Spectre.Console;

namespace IntegrationHub.Cli.Match;

/// <summary>Live progress bars on the terminal's stderr, one per stage, so stdout stays clean.</summary>
internal sealed class SpectreProgressDisplay(TextWriter error) : IMatchProgressDisplay
{
    public T Run<T>(Func<IProgress<MatchProgress>, T> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = Enum.GetValues<MatchStage>().ToDictionary(
                    stage => stage,
                    stage => context.AddTask(MatchProgressDisplay.Describe(stage), autoStart: false, maxValue: 1));
                var result = work(new Reporter(tasks));
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
                return result;
            });
    }

    private sealed class Reporter(Dictionary<MatchStage, ProgressTask> tasks) : IProgress<MatchProgress>
    {
        public void Report(MatchProgress value)
        {
            var task = tasks[value.Stage];
            if (!task.IsStarted)
            {
                task.StartTask();
            }
            task.MaxValue = Math.Max(value.Total, 1);
            task.Value = value.Done;
        }
    }
}
