// Compile-only stand-in for Microsoft.DurableTask.Abstractions (as pulled in by Microsoft.Azure.Functions.Worker.Extensions.DurableTask 1.19.0): TaskFailureDetails, TaskFailedException, ParentOrchestrationInstance. Data carriers hold their values.
using System.Reflection;

namespace Microsoft.DurableTask;

/// <summary>Record that represents the details of a task failure.</summary>
public record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure, IDictionary<string, object?>? Properties)
{
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";

    public bool IsCausedBy<T>()
        where T : Exception
        => IsCausedBy(typeof(T));

    public bool IsCausedBy(Type targetBaseExceptionType)
    {
        ArgumentNullException.ThrowIfNull(targetBaseExceptionType);
        if (!typeof(Exception).IsAssignableFrom(targetBaseExceptionType))
        {
            throw new ArgumentException($"The type {targetBaseExceptionType} is not an exception type.", nameof(targetBaseExceptionType));
        }

        if (string.IsNullOrEmpty(ErrorType))
        {
            return false;
        }

        Type? loaded = Type.GetType(ErrorType, throwOnError: false)
            ?? targetBaseExceptionType.Assembly.GetType(ErrorType, throwOnError: false);
        if (loaded is null)
        {
            List<Type> matches = AppDomain.CurrentDomain.GetAssemblies()
                .Select(a => a.GetType(ErrorType, throwOnError: false))
                .Where(t => t is not null)
                .Select(t => t!)
                .ToList();
            if (matches.Count > 1)
            {
                throw new AmbiguousMatchException($"Multiple exception types with the name '{ErrorType}' were found.");
            }

            loaded = matches.Count == 1 ? matches[0] : null;
        }

        return loaded is not null && targetBaseExceptionType.IsAssignableFrom(loaded);
    }

    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return FromExceptionRecursive(exception)!;
    }

    private static TaskFailureDetails? FromExceptionRecursive(Exception? exception) =>
        exception is null
            ? null
            : new TaskFailureDetails(
                exception.GetType().ToString(),
                exception.Message,
                exception.StackTrace,
                FromExceptionRecursive(exception.InnerException),
                null);
}

/// <summary>Thrown when a durable task, such as an activity or a sub-orchestration, fails with an unhandled exception.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string taskName, int taskId, Exception innerException)
        : base(GetExceptionMessage(taskName, taskId, null, innerException), innerException)
    {
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = TaskFailureDetails.FromException(innerException);
    }

    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base(GetExceptionMessage(taskName, taskId, failureDetails, null))
    {
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public string TaskName { get; }

    public int TaskId { get; }

    public TaskFailureDetails FailureDetails { get; }

    [Obsolete("Use the FailureDetails property and its IsCausedBy<T>() method")]
    public bool IsCausedByException<T>()
        where T : Exception
        => FailureDetails.ErrorType == typeof(T).FullName;

    private static string GetExceptionMessage(string taskName, int taskId, TaskFailureDetails? details, Exception? cause)
    {
        string? subMessage = details?.ErrorMessage ?? cause?.Message;
        return subMessage is null
            ? $"Task '{taskName}' (#{taskId}) failed with an unhandled exception."
            : $"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {subMessage}";
    }
}

/// <summary>Represents a parent orchestration's details.</summary>
public record ParentOrchestrationInstance(TaskName Name, string InstanceId);
