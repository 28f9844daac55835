using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Core.Webhooks;
using IntegrationHub.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Cli.Serve;

/// <summary>The routes the Functions app serves, on the same paths (<c>/api/…</c>).</summary>
internal static class HubRoutes
{
    public static IEndpointRouteBuilder MapHubEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapPost("/webhooks/{connection}",
            (HttpRequest request, string connection, WebhookIntake intake, IOptionsMonitor<HubOptions> options, CancellationToken cancellationToken) =>
                HubEndpoints.ReceiveWebhookAsync(request, connection, intake, options, cancellationToken));
        api.MapGet("/webhooks/{connection}",
            (HttpRequest request, string connection, WebhookIntake intake, CancellationToken cancellationToken) =>
                HubEndpoints.AnswerHandshakeAsync(request, connection, intake, cancellationToken));
        api.MapGet("/profiles",
            (HttpRequest request, string? email, ProfileQueries queries, CancellationToken cancellationToken) =>
                HubEndpoints.FindProfileAsync(request, email, queries, cancellationToken));
        api.MapGet("/profiles/{id}",
            (HttpRequest request, string id, ProfileQueries queries, CancellationToken cancellationToken) =>
                HubEndpoints.GetProfileAsync(request, id, queries, cancellationToken));
        api.MapGet("/profiles/{id}/timeline",
            (HttpRequest request, string id, ProfileQueries queries, CancellationToken cancellationToken) =>
                HubEndpoints.GetTimelineAsync(request, id, queries, cancellationToken));
        api.MapGet("/profiles/{id}/identity",
            (HttpRequest request, string id, ProfileQueries queries, CancellationToken cancellationToken) =>
                IdentityEndpoints.GetIdentityAsync(request, id, queries, cancellationToken));
        api.MapPost("/profiles/{id}/unlink",
            (HttpRequest request, string id, ProfileQueries queries, IdentityResolver resolver, IdentifierPolicy policy, CancellationToken cancellationToken) =>
                IdentityEndpoints.UnlinkAsync(request, id, queries, resolver, policy, cancellationToken));
        api.MapPost("/identifiers/shared",
            (HttpRequest request, IdentityResolver resolver, IdentifierPolicy policy, CancellationToken cancellationToken) =>
                IdentityEndpoints.MarkSharedAsync(request, resolver, policy, cancellationToken));
        api.MapPost("/profiles/{id}/relink",
            (HttpRequest request, string id, ProfileQueries queries, IdentityResolver resolver, IdentifierPolicy policy, CancellationToken cancellationToken) =>
                IdentityEndpoints.RelinkAsync(request, id, queries, resolver, policy, cancellationToken));
        api.MapPost("/identifiers/unshared",
            (HttpRequest request, IdentityResolver resolver, IdentifierPolicy policy, CancellationToken cancellationToken) =>
                IdentityEndpoints.UnmarkSharedAsync(request, resolver, policy, cancellationToken));
        api.MapGet("/deadletters",
            (HttpRequest request, DeadLetters deadLetters, CancellationToken cancellationToken) =>
                OperatorEndpoints.ListDeadLettersAsync(request, deadLetters, cancellationToken));
        api.MapPost("/deadletters/{id}/replay",
            (HttpRequest request, string id, DeadLetters deadLetters, CancellationToken cancellationToken) =>
                OperatorEndpoints.ReplayDeadLetterAsync(request, id, deadLetters, cancellationToken));
        api.MapPost("/replays",
            (HttpRequest request, Replays replays, IReplayLauncher launcher, CancellationToken cancellationToken) =>
                ReplayEndpoints.StartReplayAsync(request, replays, launcher, cancellationToken));
        api.MapGet("/replays",
            (HttpRequest request, Replays replays, CancellationToken cancellationToken) =>
                ReplayEndpoints.ListReplaysAsync(request, replays, cancellationToken));
        api.MapGet("/replays/{id}",
            (HttpRequest request, string id, Replays replays, CancellationToken cancellationToken) =>
                ReplayEndpoints.GetReplayAsync(request, id, replays, cancellationToken));
        api.MapPost("/replays/{id}/cancel",
            (HttpRequest request, string id, Replays replays, CancellationToken cancellationToken) =>
                ReplayEndpoints.CancelReplayAsync(request, id, replays, cancellationToken));
        api.MapGet("/suggestions",
            (HttpRequest request, Suggestions suggestions, CancellationToken cancellationToken) =>
                SuggestionEndpoints.ListAsync(request, suggestions, cancellationToken));
        api.MapGet("/suggestions/{id}",
            (HttpRequest request, string id, Suggestions suggestions, CancellationToken cancellationToken) =>
                SuggestionEndpoints.GetAsync(request, id, suggestions, cancellationToken));
        api.MapPost("/suggestions/{id}/accept",
            (HttpRequest request, string id, Suggestions suggestions, CancellationToken cancellationToken) =>
                SuggestionEndpoints.AcceptAsync(request, id, suggestions, cancellationToken));
        api.MapPost("/suggestions/{id}/reject",
            (HttpRequest request, string id, Suggestions suggestions, CancellationToken cancellationToken) =>
                SuggestionEndpoints.RejectAsync(request, id, suggestions, cancellationToken));
        api.MapGet("/health",
            (IHubHealth health, CancellationToken cancellationToken) => HubEndpoints.GetHealthAsync(health, cancellationToken));
        return routes;
    }
}
