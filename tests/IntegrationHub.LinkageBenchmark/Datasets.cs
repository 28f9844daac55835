namespace IntegrationHub.LinkageBenchmark;

/// <summary>The fixture datasets and their F1 targets.</summary>
internal static class Datasets
{
    public static IReadOnlyList<(string Name, double Target)> Targets { get; } =
        [("febrl1", 0.95), ("febrl2", 0.95), ("febrl3", 0.95), ("fake_1000", 0.85)];

    public static LabelledList Load(string name)
    {
        var root = LinkageFixtures.Directory();
        return name switch
        {
            "febrl1" => LinkageFixtures.Febrl(name, Path.Combine(root, "febrl", "dataset1.csv")),
            "febrl2" => LinkageFixtures.Febrl(name, Path.Combine(root, "febrl", "dataset2.csv")),
            "febrl3" => LinkageFixtures.Febrl(name, Path.Combine(root, "febrl", "dataset3.csv")),
            "fake_1000" => LinkageFixtures.SplinkFake(name, Path.Combine(root, "splink_fake", "fake_1000.csv")),
            _ => throw new ArgumentException($"Unknown dataset '{name}'.", nameof(name)),
        };
    }
}
