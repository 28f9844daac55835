// Compile-only stand-in for Microsoft.Azure.Functions.Worker 2.51.0 (FunctionAttribute). Nothing runs on it.
namespace Microsoft.Azure.Functions.Worker;

/// <summary>Marks a method as a function entry point and names the function.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FunctionAttribute : Attribute
{
    public FunctionAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
