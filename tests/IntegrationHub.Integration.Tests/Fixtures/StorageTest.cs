namespace IntegrationHub.Integration.Tests.Fixtures;

/// <summary>Base of tests against the shared Azurite: each test gets its own host and storage prefix, and disposes it.</summary>
[Collection(AzuriteCollection.Name)]
public abstract class StorageTest(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageHost? _storage;

    protected AzuriteFixture Azurite { get; } = azurite;

    protected StorageHost Storage => _storage ?? throw new InvalidOperationException("The test has not started.");

    public async Task InitializeAsync() => _storage = await Azurite.StartStorageAsync();

    public async Task DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }
}
