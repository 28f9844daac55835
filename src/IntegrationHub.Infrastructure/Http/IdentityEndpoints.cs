using System.Text.Json;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Profiles;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>The operators' identity API, served by both hosts: why a profile is one person, and unmerge. Identifier
/// values appear in these answers (the portal is for employees) but never in a log or a problem's detail.</summary>
public static class IdentityEndpoints
{
    /// <summary><c>GET /api/profiles/{id}/identity</c>: the profile's identifiers, events, the links that join them
    /// (each with the event that is its evidence) and the identifiers left out, with why. An old id answers for the
    /// profile that holds it now.</summary>
    public static async Task<IResult> GetIdentityAsync(
        HttpRequest request, string id, ProfileQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var identity = ProfileIds.IsWellFormed(id) ? await queries.IdentityAsync(id, cancellationToken) : null;
        return identity is null ? HubProblems.NotFound($"No profile '{id}'.", request) : Results.Ok(identity);
    }

    /// <summary><c>POST /api/profiles/{id}/unlink</c> with <c>{"connection","eventId","identifier":{"kind","value"}}</c>:
    /// the identifier stays on that event as data but no longer links it; the profile splits back if that link held
    /// it together, each side rebuilt from its events. 200 with the changes.</summary>
    public static async Task<IResult> UnlinkAsync(
        HttpRequest request, string id, ProfileQueries queries, IdentityResolver resolver, IdentifierPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(resolver);
        var body = await ReadAsync<UnlinkRequest>(request, cancellationToken);
        var key = body?.Identifier?.ToKey(policy);
        if (body is null || string.IsNullOrWhiteSpace(body.Connection) || string.IsNullOrWhiteSpace(body.EventId) || key is null)
        {
            return HubProblems.BadRequest("Give 'connection', 'eventId' and a valid 'identifier' ({\"kind\",\"value\"}).", request);
        }
        var evidence = new EventRef(body.Connection, body.EventId);
        var identity = ProfileIds.IsWellFormed(id) ? await queries.IdentityAsync(id, cancellationToken) : null;
        if (identity is null || !identity.Events.Contains(evidence))
        {
            return HubProblems.NotFound($"Profile '{id}' has no event '{body.EventId}' from '{body.Connection}'.", request);
        }
        var result = await resolver.UnlinkAsync(evidence, key, cancellationToken);
        return result is null
            ? HubProblems.NotFound("That event does not carry that identifier.", request)
            : Results.Ok(IdentityChanges.From(result));
    }

    /// <summary><c>POST /api/identifiers/shared</c> with <c>{"kind","value"}</c>: the identifier (a team inbox, a
    /// family phone) links no one any more; every profile it held together splits. 200 with the changes.</summary>
    public static async Task<IResult> MarkSharedAsync(
        HttpRequest request, IdentityResolver resolver, IdentifierPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var key = (await ReadAsync<IdentifierRequest>(request, cancellationToken))?.ToKey(policy);
        return key is null
            ? HubProblems.BadRequest("Give a valid identifier: {\"kind\":\"email|phone|external|anonymous\",\"value\":…}.", request)
            : Results.Ok(IdentityChanges.From(await resolver.MarkSharedAsync(key, cancellationToken)));
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
