using System.Text;

namespace IntegrationHub.Infrastructure.Azurite;

/// <summary>The last lines a child process wrote, kept for error messages (bounded, thread-safe).</summary>
internal sealed class OutputTail(int maxLines = 200)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > maxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            var builder = new StringBuilder();
            foreach (var line in _lines)
            {
                builder.AppendLine(line);
            }
            return builder.ToString().TrimEnd();
        }
    }
}
