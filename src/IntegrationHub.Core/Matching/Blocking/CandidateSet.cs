namespace IntegrationHub.Core.Matching.Blocking;

/// <summary>Every candidate pair, compared once, held in chunks (no single huge array), with counts for the report.</summary>
internal sealed class CandidateSet(IReadOnlyList<CandidatePair[]> chunks, long count, int blocksSkipped)
{
    public long Count { get; } = count;

    /// <summary>Blocks larger than the size limit, left out (their pairs are only found through other rules).</summary>
    public int BlocksSkipped { get; } = blocksSkipped;

    public IEnumerable<CandidatePair> Pairs => chunks.SelectMany(chunk => chunk);

    public IReadOnlyList<CandidatePair[]> Chunks => chunks;

    /// <summary>How many pairs share each comparison vector.</summary>
    public Dictionary<long, long> VectorCounts()
    {
        var counts = new Dictionary<long, long>();
        foreach (var chunk in chunks)
        {
            foreach (var pair in chunk)
            {
                counts[pair.Vector] = counts.GetValueOrDefault(pair.Vector) + 1;
            }
        }
        return counts;
    }
}
