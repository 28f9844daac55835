namespace IntegrationHub.Core.Matching;

/// <summary>Union–find with path halving and union by size: clusters are the connected components of links.</summary>
internal sealed class DisjointSets
{
    private readonly int[] parent;
    private readonly int[] size;

    public DisjointSets(int count)
    {
        parent = Enumerable.Range(0, count).ToArray();
        size = Enumerable.Repeat(1, count).ToArray();
    }

    public int Find(int item)
    {
        while (parent[item] != item)
        {
            parent[item] = parent[parent[item]];
            item = parent[item];
        }
        return item;
    }

    public void Union(int a, int b)
    {
        var rootA = Find(a);
        var rootB = Find(b);
        if (rootA == rootB)
        {
            return;
        }
        if (size[rootA] < size[rootB])
        {
            (rootA, rootB) = (rootB, rootA);
        }
        parent[rootB] = rootA;
        size[rootA] += size[rootB];
    }

    /// <summary>A cluster number per item, numbered 0, 1, 2… in order of each cluster's first item.</summary>
    public int[] Labels()
    {
        var labels = new int[parent.Length];
        var byRoot = new Dictionary<int, int>();
        for (var i = 0; i < parent.Length; i++)
        {
            var root = Find(i);
            if (!byRoot.TryGetValue(root, out var label))
            {
                label = byRoot.Count;
                byRoot.Add(root, label);
            }
            labels[i] = label;
        }
        return labels;
    }
}
