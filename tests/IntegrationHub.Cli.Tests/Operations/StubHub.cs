using System.Net;
using System.Text;

namespace IntegrationHub.Cli.Tests.Operations;

/// <summary>A hub's API that answers with staged responses, in order, and records what it was sent.</summary>
internal sealed class StubHub : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Body)> _answers = new();

    public List<(string Method, string Path, string? Body)> Requests { get; } = [];

    public void Answer(HttpStatusCode status, string body) => _answers.Enqueue((status, body));

    public HttpClient Client() => new(this, disposeHandler: false) { BaseAddress = new Uri("http://127.0.0.1:7071/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method.Method, request.RequestUri!.AbsolutePath, body));
        var (status, answer) = _answers.Count > 0 ? _answers.Dequeue() : (HttpStatusCode.InternalServerError, "no answer staged");
        return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}
