namespace IntegrationHub.Core.Matching;

/// <summary>How a matching run decides and how much work it may do.</summary>
public sealed class MatchOptions
{
    /// <summary>Pairs at or above this match probability are linked automatically.</summary>
    public double Threshold { get; init; } = 0.9;

    /// <summary>Pairs at or above this probability but below <see cref="Threshold"/> become suggestions for a person
    /// to review; they are never linked.</summary>
    public double ReviewThreshold { get; init; } = 0.5;

    /// <summary>Region for phone numbers written without a country code.</summary>
    public string DefaultPhoneRegion { get; init; } = "US";

    /// <summary>A blocking key shared by more records than this is too common to block on (a placeholder, a shared
    /// office number); its pairs are left to the other rules.</summary>
    public int MaxBlockSize { get; init; } = 5_000;

    /// <summary>Random pairs drawn to learn how often different people agree by chance; lists with fewer pairs than
    /// this are compared exhaustively for it.</summary>
    public long RandomPairSample { get; init; } = 1_000_000;

    /// <summary>Seed for the random pairs, so that a run is reproducible.</summary>
    public int Seed { get; init; } = 20_240_601;

    public int MaxIterations { get; init; } = 200;

    public double ConvergenceTolerance { get; init; } = 1e-6;

    internal void Validate()
    {
        if (Threshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "The threshold is a probability in (0, 1].");
        }
        if (ReviewThreshold <= 0 || ReviewThreshold > Threshold)
        {
            throw new ArgumentOutOfRangeException(nameof(ReviewThreshold), ReviewThreshold, "The review threshold is a probability in (0, threshold].");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBlockSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(RandomPairSample, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1);
    }
}
