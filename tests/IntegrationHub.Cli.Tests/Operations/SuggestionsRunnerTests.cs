using System.Net;
using IntegrationHub.Cli.Operations;

namespace IntegrationHub.Cli.Tests.Operations;

/// <summary><c>hub suggestions</c>: each command calls its route, prints the answer, and exits 1 on a refusal.</summary>
public sealed class SuggestionsRunnerTests : IDisposable
{
    private const string Id = "s_0123456789abcdef0123456789abcdef";
    private const string Suggestion = $$"""
        {"id":"{{Id}}","profileA":"p_a","profileB":"p_b","probability":0.8,"matchWeight":2,
         "explanation":{"priorWeight":-10,"fields":[{"field":"first_name","level":"exact","weight":7},{"field":"last_name","level":"exact","weight":5}],"matchWeight":2,"probability":0.8},
         "status":"pending","createdAt":"2026-11-23T09:00:00Z"}
        """;

    private readonly StubHub _hub = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _hub.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task ListAsync_Page_PrintsEachSuggestionWithItsScore()
    {
        _hub.Answer(HttpStatusCode.OK, $$"""{"items":[{{Suggestion}}],"continuation":null}""");

        var exit = await SuggestionsRunner.ListAsync(_hub.Client(), 20, _output, _error, CancellationToken.None);

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Equal(("GET", "/api/suggestions"), (_hub.Requests[0].Method, _hub.Requests[0].Path));
        Assert.Contains($"{Id}  pending        0.8000  p_a p_b", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_Empty_SaysSo()
    {
        _hub.Answer(HttpStatusCode.OK, """{"items":[],"continuation":null}""");

        var exit = await SuggestionsRunner.ListAsync(_hub.Client(), 20, _output, _error, CancellationToken.None);

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Contains("No suggestions.", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowAsync_Known_PrintsEachFieldsContribution()
    {
        _hub.Answer(HttpStatusCode.OK, Suggestion);

        var exit = await SuggestionsRunner.ShowAsync(_hub.Client(), Id, _output, _error, CancellationToken.None);

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Equal($"/api/suggestions/{Id}", _hub.Requests[0].Path);
        Assert.Contains("first_name exact +7.00; last_name exact +5.00 = 2.00 bits, p=0.8", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptAsync_Accepted_PostsAndNamesTheProfile()
    {
        _hub.Answer(HttpStatusCode.OK, $$"""{"suggestion":{{Suggestion.Replace("\"pending\"", "\"accepted\"", StringComparison.Ordinal)}},"profileId":"p_a"}""");

        var exit = await SuggestionsRunner.AcceptAsync(_hub.Client(), Id, _output, _error, CancellationToken.None);

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Equal(("POST", $"/api/suggestions/{Id}/accept"), (_hub.Requests[0].Method, _hub.Requests[0].Path));
        Assert.Contains($"Suggestion {Id} accepted: one profile, p_a.", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectAsync_NotPending_Exit1WithTheHubsAnswer()
    {
        _hub.Answer(HttpStatusCode.Conflict, """{"title":"Conflict","detail":"Suggestion is not pending: it is rejected."}""");

        var exit = await SuggestionsRunner.RejectAsync(_hub.Client(), Id, _output, _error, CancellationToken.None);

        Assert.Equal(CliExitCodes.Failure, exit);
        Assert.Equal($"/api/suggestions/{Id}/reject", _hub.Requests[0].Path);
        Assert.Contains("409", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("it is rejected", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowAsync_Unknown_Exit1NamingTheId()
    {
        _hub.Answer(HttpStatusCode.NotFound, """{"title":"Not found"}""");

        var exit = await SuggestionsRunner.ShowAsync(_hub.Client(), Id, _output, _error, CancellationToken.None);

        Assert.Equal(CliExitCodes.Failure, exit);
        Assert.Contains($"No suggestion '{Id}'.", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_HubUnreachable_Exit1()
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };

        var exit = await SuggestionsRunner.ListAsync(client, 20, _output, _error, CancellationToken.None);

        Assert.Equal(CliExitCodes.Failure, exit);
        Assert.Contains("Could not reach the hub", _error.ToString(), StringComparison.Ordinal);
    }
}
