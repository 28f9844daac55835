// Compile-only stand-in for Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore 2.1.0 (FunctionsApplicationBuilderAspNetCoreExtensions). Nothing runs on it.
namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>ASP.NET Core extensions for <see cref="FunctionsApplicationBuilder"/>.</summary>
public static class FunctionsApplicationBuilderAspNetCoreExtensions
{
    /// <summary>Configures the worker to use the ASP.NET Core integration.</summary>
    public static FunctionsApplicationBuilder ConfigureFunctionsWebApplication(this FunctionsApplicationBuilder builder)
        => throw new NotSupportedException(global::OfflineSdk.Functions.Worker.Messages.CompileOnly);
}
