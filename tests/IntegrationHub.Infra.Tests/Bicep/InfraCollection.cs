namespace IntegrationHub.Infra.Tests.Bicep;

[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<InfraBuild>
{
    public const string Name = "infra";
}
