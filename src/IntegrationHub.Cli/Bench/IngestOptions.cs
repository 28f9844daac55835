using System.CommandLine;
using System.CommandLine.Parsing;

namespace IntegrationHub.Cli.Bench;

/// <summary>The flags of <c>hub bench ingest</c> and how they become <see cref="IngestSettings"/>.</summary>
internal sealed class IngestOptions
{
    public const string DefaultUrl = "http://127.0.0.1:7071/";

    public Option<double> Rate { get; } = new("--rate") { Description = "Deliveries per second, sent on a fixed schedule (open loop); with --max, the first step.", Required = true };

    public Option<TimeSpan> Duration { get; } = Durations("--duration", "How long to send (60s, 2m, 500ms); with --max, each step; also the raw baseline's length.", null, positive: true);

    public Option<string[]> Connections { get; } = new("--connections")
    {
        Description = "Connections to send to, round-robin (standard-webhooks, shopify or stripe), as configured in Hub:Connections.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string> Url { get; } = new("--url") { Description = "The hub's base address.", DefaultValueFactory = _ => DefaultUrl };

    public Option<int> People { get; } = new("--people") { Description = "Distinct people the deliveries are about.", DefaultValueFactory = _ => 1000 };

    public Option<TimeSpan> Warmup { get; } = Durations("--warmup", "Send at the rate for this long first, unmeasured.", TimeSpan.Zero);

    public Option<double> FreshnessSample { get; } = new("--freshness-sample")
    {
        Description = "Fraction of deliveries (each about a new person) whose profile is polled until readable.",
        DefaultValueFactory = _ => 0.05,
    };

    public Option<TimeSpan> FreshnessTimeout { get; } = Durations("--freshness-timeout", "Give up polling a sampled profile after this long.", TimeSpan.FromSeconds(30));

    public Option<bool> Max { get; } = new("--max") { Description = "Find the maximum sustained rate: steps up from --rate until the hub no longer keeps up." };

    public Option<double> StepFactor { get; } = new("--step-factor") { Description = "With --max, each step's rate over the last's.", DefaultValueFactory = _ => 1.25 };

    public Option<TimeSpan> AckLimit { get; } = Durations("--ack-limit", "With --max, the ack p99 a sustained step stays within.", TimeSpan.FromSeconds(2));

    public Option<TimeSpan> FreshnessLimit { get; } = Durations("--freshness-limit", "With --max, the freshness p95 a sustained step stays within.", TimeSpan.FromSeconds(3));

    public Option<bool> RawBaseline { get; } = new("--raw-baseline") { Description = "Also do each delivery's storage operations straight through the Azure SDK, as fast as they go." };

    public Option<int> RawConcurrency { get; } = new("--raw-concurrency") { Description = "Parallel intake loops of the raw baseline (an eighth as many receivers).", DefaultValueFactory = _ => 32 };

    public Option<string?> Storage { get; } = new("--storage") { Description = "Storage connection string for the raw baseline (default: AzureWebJobsStorage, as hub serve reads it)." };

    public Option<string[]> Secrets { get; } = new("--secret") { Description = "NAME=SECRET: sign a connection's deliveries with this secret instead of the configured one (repeat)." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the report as JSON." };

    public Command CreateCommand()
    {
        Require(Rate, rate => rate > 0 && double.IsFinite(rate), "--rate must be a positive number of deliveries per second.");
        Require(Url, url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
            "--url must be an absolute http(s) address, e.g. http://127.0.0.1:7071/.");
        Require(People, people => people >= 1, "--people must be at least 1.");
        Require(FreshnessSample, fraction => fraction is >= 0 and <= 1, "--freshness-sample is a fraction from 0 to 1.");
        Require(StepFactor, factor => factor > 1, "--step-factor must be above 1.");
        Require(RawConcurrency, loops => loops is >= 1 and <= 1024, "--raw-concurrency must be from 1 to 1024.");
        Require(Secrets, pairs => (pairs ?? []).All(p => p.IndexOf('=', StringComparison.Ordinal) > 0), "--secret takes NAME=SECRET.");
        return new Command("ingest", "Load-test a running hub's webhook intake and processing, and compare with raw storage.")
        {
            Rate, Duration, Connections, Url, People, Warmup, FreshnessSample, FreshnessTimeout, Max, StepFactor, AckLimit,
            FreshnessLimit, RawBaseline, RawConcurrency, Storage, Secrets, Json,
        };
    }

    public IngestSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new IngestSettings(
            new Uri(parse.GetValue(Url)!),
            parse.GetValue(Rate),
            parse.GetValue(Duration),
            parse.GetValue(Warmup),
            parse.GetValue(Connections) ?? [],
            SecretPairs(parse.GetValue(Secrets) ?? []),
            new IngestPlan(parse.GetValue(People), parse.GetValue(FreshnessSample), parse.GetValue(FreshnessTimeout)),
            parse.GetValue(Max),
            new SustainedCriteria(parse.GetValue(AckLimit), parse.GetValue(FreshnessLimit)),
            parse.GetValue(RawBaseline),
            parse.GetValue(RawConcurrency),
            parse.GetValue(Storage),
            parse.GetValue(Json));
    }

    private static void Require<T>(Option<T> option, Func<T, bool> isValid, string message) =>
        option.Validators.Add(result =>
        {
            if (!isValid(result.GetValueOrDefault<T>()))
            {
                result.AddError(message);
            }
        });

    private static Dictionary<string, string> SecretPairs(IEnumerable<string> pairs) =>
        pairs.Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0].Length > 0)
            .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.OrdinalIgnoreCase);

    private static Option<TimeSpan> Durations(string name, string description, TimeSpan? defaultValue, bool positive = false)
    {
        var option = new Option<TimeSpan>(name)
        {
            Description = description,
            Required = defaultValue is null,
            CustomParser = result => Parse(result, positive),
        };
        if (defaultValue is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }
        return option;
    }

    private static TimeSpan Parse(ArgumentResult result, bool positive)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (BenchDuration.TryParse(text, out var duration) && (!positive || duration > TimeSpan.Zero))
        {
            return duration;
        }
        result.AddError($"{((OptionResult)result.Parent!).Option.Name}: '{text}' is not a {(positive ? "positive " : "")}duration; write e.g. 60s, 2m or 500ms.");
        return default;
    }
}
