using IntegrationHub.Core.Webhooks;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>RFC 9457 problem+json answers, the same in both hosts.</summary>
public static class HubProblems
{
    private const string TypePrefix = "urn:integrationhub:problem:";

    public static IResult From(WebhookProblem problem, HttpRequest request) =>
        Results.Problem(problem.Detail, request.Path, problem.Status, problem.Title, problem.Type);

    public static IResult NotFound(string detail, HttpRequest request) =>
        Results.Problem(detail, request.Path, StatusCodes.Status404NotFound, "Not found", TypePrefix + "not-found");

    public static IResult Conflict(string detail, HttpRequest request) =>
        Results.Problem(detail, request.Path, StatusCodes.Status409Conflict, "Conflict", TypePrefix + "conflict");

    public static IResult BadRequest(string detail, HttpRequest request) =>
        Results.Problem(detail, request.Path, StatusCodes.Status400BadRequest, "Bad request", TypePrefix + "bad-request");
}
