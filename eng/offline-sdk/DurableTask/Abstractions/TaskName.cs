// Compile-only stand-in for Microsoft.DurableTask.Abstractions (as pulled in by Microsoft.Azure.Functions.Worker.Extensions.DurableTask 1.19.0): TaskName. A value type that holds its data.
namespace Microsoft.DurableTask;

/// <summary>The name of a durable task.</summary>
public readonly struct TaskName : IEquatable<TaskName>
{
    public TaskName(string name)
    {
        if (name is null)
        {
            Name = null!;
            Version = null!;
        }
        else
        {
            Name = name;
            Version = string.Empty;
        }
    }

    public TaskName(string name, string version)
    {
        Name = name!;
        Version = version;
    }

    public string Name { get; }

    public string Version { get; }

    public static implicit operator string(TaskName value) => value.Name;

    public static implicit operator TaskName(string value) => string.IsNullOrEmpty(value) ? default : new(value);

    public static bool operator ==(TaskName a, TaskName b) => a.Equals(b);

    public static bool operator !=(TaskName a, TaskName b) => !a.Equals(b);

    public bool Equals(TaskName other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => obj is TaskName other && Equals(other);

    public override int GetHashCode() => Name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    public override string ToString() => string.IsNullOrEmpty(Version) ? Name : Name + ":" + Version;
}
