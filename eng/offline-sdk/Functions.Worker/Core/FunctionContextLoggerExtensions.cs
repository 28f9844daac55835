// Compile-only stand-in for Microsoft.Azure.Functions.Worker 2.51.0 via its Microsoft.Azure.Functions.Worker.Core dependency (FunctionContextLoggerExtensions). Nothing runs on it.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker;

/// <summary><see cref="FunctionContext"/> extensions for <see cref="ILogger"/> (pure delegation to InstanceServices, as in the real SDK).</summary>
public static class FunctionContextLoggerExtensions
{
    public static ILogger<T> GetLogger<T>(this FunctionContext context)
        => context.InstanceServices.GetService<ILogger<T>>()!;

    public static ILogger GetLogger(this FunctionContext context, string categoryName)
        => context.InstanceServices.GetService<ILoggerFactory>()!.CreateLogger(categoryName);
}
