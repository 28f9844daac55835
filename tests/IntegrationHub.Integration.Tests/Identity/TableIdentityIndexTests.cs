using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Identity;

public sealed class TableIdentityIndexTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task AddIfAbsentAsync_SecondWriter_GetsTheFirstWritersId()
    {
        // Arrange
        var index = CreateSut();
        var key = IdentityKey.ForEmail("ada@example.com");

        // Act
        var first = await index.AddIfAbsentAsync(key, "p_first");
        var second = await index.AddIfAbsentAsync(key, "p_second");

        // Assert
        Assert.Equal("p_first", first);
        Assert.Equal("p_first", second);
        Assert.Equal("p_first", await index.FindAsync(key));
    }

    [Fact]
    public async Task AddIfAbsentAsync_ConcurrentWriters_AllAgreeOnOneId()
    {
        // Arrange
        var index = CreateSut();
        var key = IdentityKey.ForExternalId("shop", "cus_42");

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => index.AddIfAbsentAsync(key, $"p_{i}"))));

        // Assert
        var winner = Assert.Single(results.Distinct());
        Assert.Equal(winner, await index.FindAsync(key));
    }

    [Fact]
    public async Task FindAsync_SameValueUnderAnotherKind_IsAnotherKey()
    {
        // Arrange
        var index = CreateSut();
        await index.AddIfAbsentAsync(new IdentityKey(IdentityKey.EmailKind, "shop:1"), "p_email");

        // Act
        var other = await index.FindAsync(new IdentityKey(IdentityKey.ExternalKind, "shop:1"));

        // Assert
        Assert.Null(other);
    }

    [Fact]
    public async Task FindAsync_ValueWithCharactersAzureForbidsInKeys_RoundTrips()
    {
        // Arrange
        var index = CreateSut();
        var key = IdentityKey.ForExternalId("forms", "resp/2025#7?x\\y");

        // Act
        await index.AddIfAbsentAsync(key, "p_forms");

        // Assert
        Assert.Equal("p_forms", await index.FindAsync(key));
        Assert.Null(await index.FindAsync(IdentityKey.ForExternalId("forms", "resp/2025#7?x\\z")));
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
