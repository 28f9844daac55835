using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.ProcessEvent;

namespace IntegrationHub.Cli.Serve;

internal static class ServeServiceCollectionExtensions
{
    /// <summary>Registered first, so Azurite is up before the worker or any request needs storage.</summary>
    public static IServiceCollection AddAzuriteForDevelopmentStorage(this IServiceCollection services) =>
        services.AddHostedService<AzuriteHostedService>();

    public static IServiceCollection AddDeliveryWorker(this IServiceCollection services)
    {
        services.AddOptions<DeliveryWorkerOptions>().BindConfiguration(DeliveryWorkerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IProcessEventSteps>(sp => new ResilientProcessEventSteps(
            sp.GetRequiredService<ProcessEventSteps>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<DeliveryQueueWorker>();
        services.AddHostedService<QueueAgeMonitor>();
        return services;
    }

    /// <summary>The replay runner: the launcher <c>POST /api/replays</c> uses, and the background service that runs
    /// (and after a restart resumes) each replay.</summary>
    public static IServiceCollection AddReplayWorker(this IServiceCollection services)
    {
        services.AddSingleton<ReplayWorker>();
        services.AddSingleton<IReplayLauncher>(sp => sp.GetRequiredService<ReplayWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<ReplayWorker>());
        return services;
    }
}
