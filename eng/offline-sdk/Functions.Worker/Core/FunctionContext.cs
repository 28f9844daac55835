// Compile-only stand-in for Microsoft.Azure.Functions.Worker 2.51.0 via its Microsoft.Azure.Functions.Worker.Core dependency (FunctionContext and its context types). Nothing runs on it.
using System.Collections.Immutable;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Encapsulates the information about a function execution.</summary>
public abstract class FunctionContext
{
    public abstract string InvocationId { get; }

    public abstract string FunctionId { get; }

    public abstract TraceContext TraceContext { get; }

    public abstract BindingContext BindingContext { get; }

    public abstract RetryContext RetryContext { get; }

    public abstract IServiceProvider InstanceServices { get; set; }

    public abstract FunctionDefinition FunctionDefinition { get; }

    public abstract IDictionary<object, object> Items { get; set; }

    public abstract IInvocationFeatures Features { get; }

    /// <summary>Gets the token that signals a function invocation is being cancelled (virtual in the real SDK).</summary>
    public virtual CancellationToken CancellationToken { get; } = CancellationToken.None;
}

/// <summary>The trace context for the current invocation.</summary>
public abstract class TraceContext
{
    public abstract string TraceParent { get; }

    public abstract string TraceState { get; }

    public virtual IReadOnlyDictionary<string, string> Attributes => new Dictionary<string, string>();
}

/// <summary>Exposes binding information for a given function context.</summary>
public abstract class BindingContext
{
    public abstract IReadOnlyDictionary<string, object?> BindingData { get; }
}

/// <summary>Exposes information about retry activity for the event that triggered the invocation.</summary>
public abstract class RetryContext
{
    public abstract int RetryCount { get; }

    public abstract int MaxRetryCount { get; }
}

/// <summary>A representation of a function.</summary>
public abstract class FunctionDefinition
{
    public abstract ImmutableArray<FunctionParameter> Parameters { get; }

    public abstract string PathToAssembly { get; }

    public abstract string EntryPoint { get; }

    public abstract string Id { get; }

    public abstract string Name { get; }

    public abstract IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    public abstract IImmutableDictionary<string, BindingMetadata> OutputBindings { get; }

    public abstract bool BindsToCancellationToken { get; }
}

/// <summary>Contains metadata about an Azure Functions binding.</summary>
public abstract class BindingMetadata
{
    public abstract string Name { get; }

    public abstract string Type { get; }

    public abstract BindingDirection Direction { get; }
}

/// <summary>Specifies the direction of the binding.</summary>
public enum BindingDirection
{
    In,
    Out,
}

/// <summary>Represents a parameter defined by the target function (a plain data carrier).</summary>
public class FunctionParameter
{
    public FunctionParameter(string name, Type type)
        : this(name, type, ImmutableDictionary<string, object>.Empty)
    {
    }

    public FunctionParameter(string name, Type type, bool hasDefaultValue, object? defaultValue)
        : this(name, type, hasDefaultValue, defaultValue, ImmutableDictionary<string, object>.Empty)
    {
    }

    public FunctionParameter(string name, Type type, IReadOnlyDictionary<string, object> properties)
        : this(name, type, false, null, properties)
    {
    }

    public FunctionParameter(string name, Type type, bool hasDefaultValue, object? defaultValue, IReadOnlyDictionary<string, object> properties)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        HasDefaultValue = hasDefaultValue;
        DefaultValue = defaultValue;
        IsReferenceOrNullableType = !type.IsValueType || Nullable.GetUnderlyingType(type) != null;
        Properties = properties ?? throw new ArgumentNullException(nameof(properties));
    }

    public string Name { get; }

    public Type Type { get; }

    public bool HasDefaultValue { get; }

    public bool IsReferenceOrNullableType { get; }

    public object? DefaultValue { get; }

    public IReadOnlyDictionary<string, object> Properties { get; }
}

/// <summary>Represents a collection of invocation features.</summary>
public interface IInvocationFeatures : IEnumerable<KeyValuePair<Type, object>>
{
    void Set<T>(T instance);

    T? Get<T>();
}
