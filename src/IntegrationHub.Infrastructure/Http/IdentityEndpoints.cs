using System.Text.Json;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
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
    public static Task<IResult> UnlinkAsync(
        HttpRequest request, string id, ProfileQueries queries, IdentityResolver resolver, IdentifierPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return CorrectEvidenceAsync(
            request, id, queries, policy, resolver.UnlinkAsync, "That event does not carry that identifier.", cancellationToken);
    }

    /// <summary><c>POST /api/profiles/{id}/relink</c>, with the body of <c>unlink</c>: undoes that unlink, so the
    /// identifier links the event again and whatever it held together merges back. 404 unless the identifier is unlinked
    /// on that event of the profile; 200 with the changes.</summary>
    public static Task<IResult> RelinkAsync(
        HttpRequest request, string id, ProfileQueries queries, IdentityResolver resolver, IdentifierPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return CorrectEvidenceAsync(
            request, id, queries, policy, resolver.RelinkAsync, "That identifier is not unlinked on that event.", cancellationToken);
    }

    /// <summary><c>POST /api/identifiers/shared</c> with <c>{"kind","value"}</c>: the identifier (a team inbox, a
    /// family phone) links no one any more; every profile it held together splits. 200 with the changes.</summary>
    public static async Task<IResult> MarkSharedAsync(
        HttpRequest request, IdentityResolver resolver, IdentifierPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var key = await IdentifierAsync(request, policy, cancellationToken);
        return key is null
            ? BadIdentifier(request)
            : Results.Ok(IdentityChanges.From(await resolver.MarkSharedAsync(key, cancellationToken)));
    }

    /// <summary><c>POST /api/identifiers/unshared</c> with <c>{"kind","value"}</c>: undoes <c>shared</c>, so the
    /// identifier links whoever carries it again. 404 when it is not marked shared (nothing to undo); 200 with the
    /// changes.</summary>
    public static async Task<IResult> UnmarkSharedAsync(
        HttpRequest request, IdentityResolver resolver, IdentifierPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var key = await IdentifierAsync(request, policy, cancellationToken);
        if (key is null)
        {
            return BadIdentifier(request);
        }
        var result = await resolver.UnmarkSharedAsync(key, cancellationToken);
        return result is null
            ? HubProblems.NotFound("That identifier is not marked shared.", request)
            : Results.Ok(IdentityChanges.From(result));
    }

    /// <summary>An operator's correction of one event's evidence: 400 for a bad body, 404 unless the profile holds the
    /// event and <paramref name="correct"/> applies (it returns null when it does not), else 200 with the changes.</summary>
    private static async Task<IResult> CorrectEvidenceAsync(
        HttpRequest request,
        string id,
        ProfileQueries queries,
        IdentifierPolicy policy,
        Func<EventRef, IdentityKey, CancellationToken, Task<IdentityGraphResult?>> correct,
        string notApplicable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
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
        var result = await correct(evidence, key, cancellationToken);
        return result is null ? HubProblems.NotFound(notApplicable, request) : Results.Ok(IdentityChanges.From(result));
    }

    private static async Task<IdentityKey?> IdentifierAsync(HttpRequest request, IdentifierPolicy policy, CancellationToken cancellationToken) =>
        (await ReadAsync<IdentifierRequest>(request, cancellationToken))?.ToKey(policy);

    private static IResult BadIdentifier(HttpRequest request) =>
        HubProblems.BadRequest("Give a valid identifier: {\"kind\":\"email|phone|external|anonymous\",\"value\":…}.", request);

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
