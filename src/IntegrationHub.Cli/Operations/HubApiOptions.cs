using System.CommandLine;

namespace IntegrationHub.Cli.Operations;

/// <summary>The <c>--url</c> and <c>--key</c> options every command against a running hub takes.</summary>
internal sealed class HubApiOptions
{
    public Option<string> Url { get; } = CreateUrl();

    public Option<string?> Key { get; } = new("--key") { Description = "A Functions key, for a hub running in Azure (sent as x-functions-key)." };

    public HttpClient CreateClient(ParseResult parse) => HubApiClient.Create(new Uri(parse.GetValue(Url)!), parse.GetValue(Key));

    private static Option<string> CreateUrl()
    {
        var url = new Option<string>("--url")
        {
            Description = "The hub's base address.",
            DefaultValueFactory = _ => "http://127.0.0.1:7071/",
        };
        url.Validators.Add(result =>
        {
            if (!Uri.TryCreate(result.GetValueOrDefault<string>(), UriKind.Absolute, out _))
            {
                result.AddError("--url must be an absolute http(s) address, e.g. http://127.0.0.1:7071/.");
            }
        });
        return url;
    }
}
