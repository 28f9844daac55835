using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.TestDoubles;

/// <summary>An options monitor whose value never changes: what a host gives after binding configuration once.</summary>
public sealed class TestOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
