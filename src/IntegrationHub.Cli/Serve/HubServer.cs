using IntegrationHub.Core;
using IntegrationHub.Infrastructure;

namespace IntegrationHub.Cli.Serve;

/// <summary>Composes the standalone host: the same Core services and storage adapters the Functions app uses, with
/// Storage Queues as the transport and a background worker running the process-event workflow.</summary>
internal static class HubServer
{
    public static WebApplication Build(string[] args, string urls)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(urls);
        builder.Services.AddAzuriteForDevelopmentStorage();
        builder.Services.AddHubCore();
        builder.Services.AddHubStorage();
        builder.Services.AddStorageQueueTransport();
        builder.Services.AddDeliveryWorker();
        builder.Services.AddReplayWorker();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.MapHubEndpoints();
        return app;
    }
}
