namespace IntegrationHub.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class HubCollection : ICollectionFixture<HubFixture>
{
    public const string Name = "hub serve";
}
