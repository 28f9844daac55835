using BenchmarkDotNet.Attributes;

namespace IntegrationHub.Benchmarks;

/// <summary>Verification of a valid signed delivery, per scheme and body size, next to the bare primitive on the same
/// bytes (the baseline, Ratio 1.00). Issue 3's target: at most 1.5× the primitive, and no allocation beyond the
/// primitive's own on the HMAC paths.</summary>
/// <remarks>The job (iterations, and the clock with <c>--cpu-time</c>) is set in Program.cs.</remarks>
[MemoryDiagnoser]
public class VerificationBenchmarks
{
    private SignedDelivery _delivery = null!;

    [ParamsSource(nameof(Schemes))]
    public string Scheme { get; set; } = "";

    [Params(1024, 64 * 1024)]
    public int BodyBytes { get; set; }

    public static IEnumerable<string> Schemes => SignedDeliveries.Schemes;

    [GlobalSetup]
    public void SignDelivery() => _delivery = SignedDeliveries.Create(Scheme, BodyBytes).EnsureValid();

    [Benchmark(Baseline = true)]
    public int Primitive() => _delivery.Primitive();

    [Benchmark]
    public bool Verify() => _delivery.Verifier.Verify(_delivery.Request, _delivery.Connection, SignedDelivery.Now).IsValid;
}
