// Compile-only stand-in for Microsoft.DurableTask.Abstractions (as pulled in by Microsoft.Azure.Functions.Worker.Extensions.DurableTask 1.19.0): DataConverter, AsyncPageable, Page.
using System.Diagnostics.CodeAnalysis;

namespace Microsoft.DurableTask;

/// <summary>Abstraction for serializing and deserializing orchestration and activity data.</summary>
public abstract class DataConverter
{
    [return: NotNullIfNotNull("value")]
    public abstract string? Serialize(object? value);

    [return: NotNullIfNotNull("data")]
    public abstract object? Deserialize(string? data, Type targetType);

    [return: NotNullIfNotNull("data")]
    public virtual T? Deserialize<T>(string? data) => (T?)(Deserialize(data, typeof(T)) ?? default);
}

/// <summary>A collection of values that may take multiple service requests to iterate over.</summary>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
    where T : notnull
{
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = default, int? pageSizeHint = default);

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (Page<T> page in AsPages().WithCancellation(cancellationToken))
        {
            foreach (T value in page.Values)
            {
                yield return value;
            }
        }
    }
}

/// <summary>Represents a single page of results.</summary>
public sealed class Page<T>(IReadOnlyList<T> values, string? continuationToken = null)
    where T : notnull
{
    public IReadOnlyList<T> Values { get; } = values ?? throw new ArgumentNullException(nameof(values));

    public string? ContinuationToken { get; } = continuationToken;
}
