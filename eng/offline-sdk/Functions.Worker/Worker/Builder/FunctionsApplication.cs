// Compile-only stand-in for Microsoft.Azure.Functions.Worker 2.51.0 (FunctionsApplication, FunctionsApplicationBuilder). Nothing runs on it.
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>The application used to configure an Azure Functions worker.</summary>
public class FunctionsApplication
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) => new(args);
}

/// <summary>A builder for Azure Functions worker applications. Every member throws: the surface only compiles.</summary>
public class FunctionsApplicationBuilder : IHostApplicationBuilder, IFunctionsWorkerApplicationBuilder
{
    private const string Message = global::OfflineSdk.Functions.Worker.Messages.CompileOnly;

    internal FunctionsApplicationBuilder(string[]? args)
    {
        _ = args;
        throw new NotSupportedException(Message);
    }

    public IDictionary<object, object> Properties => throw new NotSupportedException(Message);

    IConfigurationManager IHostApplicationBuilder.Configuration => Configuration;

    public ConfigurationManager Configuration => throw new NotSupportedException(Message);

    public IHostEnvironment Environment => throw new NotSupportedException(Message);

    public ILoggingBuilder Logging => throw new NotSupportedException(Message);

    public IMetricsBuilder Metrics => throw new NotSupportedException(Message);

    public IServiceCollection Services => throw new NotSupportedException(Message);

    public IHost Build() => throw new NotSupportedException(Message);

    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull
        => throw new NotSupportedException(Message);

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
        => throw new NotSupportedException(Message);
}
