// Compile-only stand-in for Microsoft.Azure.Functions.Worker 2.51.0 via its Microsoft.Azure.Functions.Worker.Core dependency (IFunctionsWorkerApplicationBuilder, FunctionExecutionDelegate). Nothing runs on it.
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>Represents a builder for a Functions Worker Application.</summary>
    public interface IFunctionsWorkerApplicationBuilder
    {
        IServiceCollection Services { get; }

        IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware);
    }
}

namespace Microsoft.Azure.Functions.Worker.Middleware
{
    /// <summary>A delegate that can process an event.</summary>
    public delegate Task FunctionExecutionDelegate(FunctionContext context);
}
