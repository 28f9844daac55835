using System.Collections.Concurrent;
using IntegrationHub.Core.Matching.Comparisons;

namespace IntegrationHub.Core.Matching.Blocking;

/// <summary>Applies the blocking rules as a union: a pair is compared once, by the first rule that produces it (a later
/// rule skips pairs an earlier rule's key already joins), so no set of seen pairs is needed however many there are.</summary>
internal static class CandidateGenerator
{
    private const int ChunkSize = 1 << 16;

    public static CandidateSet Generate(
        MatchData data, ComparisonSet comparisons, IReadOnlyList<BlockingRule> rules, MatchOptions options, bool linkOnly,
        IProgress<MatchProgress>? progress, CancellationToken cancellationToken)
    {
        var keys = rules.Select(rule => KeyIds(data, rule)).ToArray();
        var blocks = new List<(int Rule, int[] Members)>();
        var skipped = new bool[rules.Count][];
        var blocksSkipped = 0;
        for (var r = 0; r < rules.Count; r++)
        {
            var groups = Group(keys[r]);
            skipped[r] = new bool[groups.Length];
            for (var key = 0; key < groups.Length; key++)
            {
                if (groups[key].Length > options.MaxBlockSize)
                {
                    skipped[r][key] = true;
                    blocksSkipped++;
                }
                else if (groups[key].Length > 1)
                {
                    blocks.Add((r, groups[key]));
                }
            }
        }
        // Largest blocks first keeps both cores busy to the end.
        blocks.Sort((x, y) => y.Members.Length.CompareTo(x.Members.Length));
        var totalWork = blocks.Sum(b => (long)b.Members.Length * (b.Members.Length - 1) / 2);
        var done = 0L;
        var reportEvery = Math.Max(totalWork / 100, 1);
        var nextReport = reportEvery;
        progress?.Report(new MatchProgress(MatchStage.Comparing, 0, totalWork));

        var results = new ConcurrentBag<PairBuffer>();
        Parallel.ForEach(
            blocks,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new PairBuffer(),
            (block, _, buffer) =>
            {
                var members = block.Members;
                for (var i = 0; i < members.Length; i++)
                {
                    for (var j = i + 1; j < members.Length; j++)
                    {
                        var a = Math.Min(members[i], members[j]);
                        var b = Math.Max(members[i], members[j]);
                        if ((linkOnly && data.Sources[a] == data.Sources[b]) || JoinedEarlier(keys, skipped, block.Rule, a, b))
                        {
                            continue;
                        }
                        buffer.Add(new CandidatePair(a, b, comparisons.Compare(data, a, b)));
                    }
                }
                var finished = Interlocked.Add(ref done, (long)members.Length * (members.Length - 1) / 2);
                if (progress is not null && finished >= Interlocked.Read(ref nextReport))
                {
                    Interlocked.Exchange(ref nextReport, finished + reportEvery);
                    progress.Report(new MatchProgress(MatchStage.Comparing, finished, totalWork));
                }
                return buffer;
            },
            results.Add);
        progress?.Report(new MatchProgress(MatchStage.Comparing, totalWork, totalWork));

        var chunks = results.SelectMany(buffer => buffer.Chunks()).ToList();
        return new CandidateSet(chunks, chunks.Sum(c => (long)c.Length), blocksSkipped);
    }

    private static bool JoinedEarlier(int[][] keys, bool[][] skipped, int rule, int a, int b)
    {
        for (var r = 0; r < rule; r++)
        {
            var key = keys[r][a];
            if (key >= 0 && key == keys[r][b] && !skipped[r][key])
            {
                return true;
            }
        }
        return false;
    }

    private static int[] KeyIds(MatchData data, BlockingRule rule)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            var key = rule.Key(data, i);
            if (key is null)
            {
                ids[i] = -1;
                continue;
            }
            if (!table.TryGetValue(key, out var id))
            {
                id = table.Count;
                table.Add(key, id);
            }
            ids[i] = id;
        }
        return ids;
    }

    /// <summary>Members of each key, in record order (a counting sort).</summary>
    private static int[][] Group(int[] keyIds)
    {
        var keyCount = keyIds.Length == 0 ? 0 : keyIds.Max() + 1;
        var sizes = new int[keyCount];
        foreach (var key in keyIds)
        {
            if (key >= 0)
            {
                sizes[key]++;
            }
        }
        var groups = new int[keyCount][];
        for (var key = 0; key < keyCount; key++)
        {
            groups[key] = new int[sizes[key]];
            sizes[key] = 0;
        }
        for (var i = 0; i < keyIds.Length; i++)
        {
            var key = keyIds[i];
            if (key >= 0)
            {
                groups[key][sizes[key]++] = i;
            }
        }
        return groups;
    }

    private sealed class PairBuffer
    {
        private readonly List<CandidatePair[]> full = [];
        private CandidatePair[] current = new CandidatePair[ChunkSize];
        private int used;

        public void Add(CandidatePair pair)
        {
            if (used == current.Length)
            {
                full.Add(current);
                current = new CandidatePair[ChunkSize];
                used = 0;
            }
            current[used++] = pair;
        }

        public IEnumerable<CandidatePair[]> Chunks() => used == 0 ? full : full.Append(current[..used]);
    }
}
