using System.Text.Json;
using IntegrationHub.Cli;
using IntegrationHub.Cli.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Cli.Tests;

/// <summary><c>hub webhooks verify</c> gives the library's answer for every vendor vector, and the exit codes scripts
/// rely on: 0 valid, 1 not valid, 2 usage error.</summary>
public sealed class VerifyRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-verify-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, int> Vectors()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, _) in VectorFiles.Providers)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks", "signatures", file);
            using var vectors = JsonDocument.Parse(File.ReadAllText(path));
            for (var i = 0; i < vectors.RootElement.GetArrayLength(); i++)
            {
                if (VectorFiles.IsRunnable(file, vectors.RootElement[i]))
                {
                    data.Add(file, i);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task RunAsync_VendorVector_ExitCodeMatchesValidity(string file, int index)
    {
        var vector = VectorFiles.Load(file, index);
        var request = vector.ToRequest(BodyFile(vector.Body));
        var output = new StringWriter();

        var exitCode = await VerifyRunner.RunAsync(request, output, new StringWriter(), _time, CancellationToken.None);

        Assert.True(vector.Valid ? exitCode == CliExitCodes.Success : exitCode == CliExitCodes.Failure, $"{vector.Note}: exit {exitCode}, said {output}");
        Assert.StartsWith(vector.Valid ? "valid" : "not valid: ", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stripe.json", "valid (delivery id evt_")]
    [InlineData("github.json", "valid (delivery id sha256-")]
    public async Task RunAsync_ValidDelivery_PrintsTheDeliveryIdTheHubWouldStore(string file, string expected)
    {
        var index = Enumerable.Range(0, 100).First(i => VectorFiles.Load(file, i) is { Valid: true, Secret.Length: > 0 });
        var vector = VectorFiles.Load(file, index);
        var output = new StringWriter();

        var exitCode = await VerifyRunner.RunAsync(vector.ToRequest(BodyFile(vector.Body)), output, new StringWriter(), _time, CancellationToken.None);

        Assert.Equal(CliExitCodes.Success, exitCode);
        Assert.StartsWith(expected, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OldDeliveryWithoutNow_SaysHowStaleAndExits1()
    {
        var vector = VectorFiles.Load("standard_webhooks.json", 0);
        var request = vector.ToRequest(BodyFile(vector.Body)) with { Now = null };
        var output = new StringWriter();

        var exitCode = await VerifyRunner.RunAsync(request, output, new StringWriter(), _time, CancellationToken.None);

        Assert.Equal(CliExitCodes.Failure, exitCode);
        Assert.Contains("Stale timestamp", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownProvider_ListsKnownOnesAndExits2()
    {
        var error = new StringWriter();

        var exitCode = await VerifyRunner.RunAsync(Request("no-such-vendor"), new StringWriter(), error, _time, CancellationToken.None);

        Assert.Equal(CliExitCodes.Usage, exitCode);
        Assert.Contains("standard-webhooks", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--header")]
    [InlineData("--setting")]
    [InlineData("--now")]
    public async Task RunAsync_MalformedOption_Exits2NamingIt(string option)
    {
        var request = option switch
        {
            "--header" => Request("standard-webhooks") with { Headers = ["no colon here"] },
            "--setting" => Request("standard-webhooks") with { Settings = ["no-equals"] },
            _ => Request("standard-webhooks") with { Now = "yesterday-ish" },
        };
        var error = new StringWriter();

        var exitCode = await VerifyRunner.RunAsync(request, new StringWriter(), error, _time, CancellationToken.None);

        Assert.Equal(CliExitCodes.Usage, exitCode);
        Assert.Contains(option, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1614265330", 1614265330)]
    [InlineData("1614265330000", 1614265330)]
    [InlineData("2021-02-25T15:02:10Z", 1614265330)]
    public void TryParseNow_EachForm_ReadsTheSameInstant(string text, long unixSeconds)
    {
        Assert.True(VerifyRunner.TryParseNow(text, _time, out var now));

        Assert.Equal(unixSeconds, now.ToUnixTimeSeconds());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private VerifyRequest Request(string provider) =>
        new(provider, ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], [], null, "POST", null, [], [], new FileInfo(BodyFile("{}")));

    private string BodyFile(string body)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.body");
        File.WriteAllText(path, body);
        return path;
    }
}
