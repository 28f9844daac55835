using System.CommandLine;

namespace IntegrationHub.Cli.Webhooks;

/// <summary><c>hub webhooks …</c>: operator tools for deliveries.</summary>
internal static class WebhooksCommand
{
    public static Command Create() => new("webhooks", "Check webhook deliveries the way the hub does.")
    {
        VerifyCommand.Create(),
    };
}
