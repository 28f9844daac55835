using IntegrationHub.Cli.Match;
using IntegrationHub.Core.Configuration;

namespace IntegrationHub.Cli.Bench;

/// <summary>Finds the connections to send to in the configuration <c>hub serve</c> reads (<c>Hub:Connections</c> in
/// appsettings.json, appsettings.{environment}.json and <c>Hub__Connections__…</c> environment variables), so the
/// load generator signs with the secrets the hub verifies with; <c>--secret NAME=SECRET</c> overrides one.</summary>
internal static class BenchConnections
{
    /// <summary>The configuration <c>hub serve</c> starts from, minus its command line.</summary>
    public static IConfiguration HubConfiguration()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    /// <summary>Resolves each name to its provider and first secret; throws <see cref="UsageException"/> with
    /// what is missing.</summary>
    public static IReadOnlyList<BenchConnection> Resolve(
        IConfiguration configuration, IReadOnlyList<string> names, IReadOnlyDictionary<string, string> secrets)
    {
        var configured = configuration.GetSection("Hub:Connections");
        var resolved = new List<BenchConnection>();
        foreach (var name in names)
        {
            var options = configured.GetSection(name).Get<ConnectionOptions>();
            if (options is null || string.IsNullOrEmpty(options.Provider))
            {
                throw new UsageException(
                    $"Connection '{name}' is not configured (Hub:Connections:{name}:Provider); configure it as for hub serve.");
            }
            if (!BenchDeliveries.Providers.Contains(options.Provider, StringComparer.Ordinal))
            {
                throw new UsageException(
                    $"Connection '{name}' is a {options.Provider} connection; the load generator signs for {string.Join(", ", BenchDeliveries.Providers)}.");
            }
            var secret = secrets.GetValueOrDefault(name) ?? options.Secrets.FirstOrDefault();
            if (string.IsNullOrEmpty(secret))
            {
                throw new UsageException($"Connection '{name}' has no secret; configure Hub:Connections:{name}:Secrets or pass --secret {name}=…");
            }
            resolved.Add(new BenchConnection(name, options.Provider, secret));
        }
        return resolved;
    }
}
