using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Identity;

public sealed class TableIdentityIndexTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task FindAsync_IdentifiersTheGraphLinked_ReturnTheirProfile()
    {
        // Arrange
        var worker = new IdentityWorker(Storage);
        var profileId = await worker.ProcessAsync("shop", "e1", new PersonTraits("cus_1", IdentityWorker.T0, "ada@example.com", null, null, null));

        // Act
        var byEmail = await CreateSut().FindAsync(IdentityKey.ForEmail("ada@example.com"));
        var byRecord = await CreateSut().FindAsync(IdentityKey.ForExternalId("shop", "cus_1"));

        // Assert
        Assert.NotNull(profileId);
        Assert.Equal(profileId, byEmail);
        Assert.Equal(profileId, byRecord);
    }

    [Fact]
    public async Task FindAsync_BlockedIdentifier_LinksNoOne()
    {
        // Arrange
        var worker = new IdentityWorker(Storage);
        await worker.ProcessAsync("shop", "e1", new PersonTraits("cus_1", IdentityWorker.T0, "test@test.com", null, null, null));

        // Act
        var found = await CreateSut().FindAsync(IdentityKey.ForEmail("test@test.com"));

        // Assert
        Assert.Null(found);
    }

    [Fact]
    public async Task FindAsync_SameValueUnderAnotherKind_IsAnotherKey()
    {
        // Arrange
        var worker = new IdentityWorker(Storage);
        await worker.ProcessAsync("shop", "e1", new PersonTraits("1", IdentityWorker.T0, null, null, null, null));

        // Act
        var other = await CreateSut().FindAsync(new IdentityKey(IdentityKey.EmailKind, "shop:1"));

        // Assert
        Assert.Null(other);
        Assert.NotNull(await CreateSut().FindAsync(new IdentityKey(IdentityKey.ExternalKind, "shop:1")));
    }

    [Fact]
    public async Task FindAsync_ValueWithCharactersAzureForbidsInKeys_RoundTrips()
    {
        // Arrange
        var worker = new IdentityWorker(Storage);
        var profileId = await worker.ProcessAsync("forms", "resp/2025#7?x\\y", new PersonTraits("resp/2025#7?x\\y", IdentityWorker.T0, null, null, null, null));

        // Act
        var found = await CreateSut().FindAsync(IdentityKey.ForExternalId("forms", "resp/2025#7?x\\y"));

        // Assert
        Assert.Equal(profileId, found);
        Assert.Null(await CreateSut().FindAsync(IdentityKey.ForExternalId("forms", "resp/2025#7?x\\z")));
    }

    [Fact]
    public async Task FindAsync_UnknownKey_ReturnsNull()
    {
        // Arrange
        var index = CreateSut();

        // Act
        var profileId = await index.FindAsync(IdentityKey.ForEmail("nobody@example.com"));

        // Assert
        Assert.Null(profileId);
    }

    private IIdentityIndex CreateSut() => Storage.Get<IIdentityIndex>();
}
