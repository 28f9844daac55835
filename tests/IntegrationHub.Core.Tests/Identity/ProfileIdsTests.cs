using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Tests.Identity;

public sealed class ProfileIdsTests
{
    [Fact]
    public void For_SameKeyTwice_GivesSameId()
    {
        // Act
        var first = ProfileIds.For(IdentityKey.ForEmail("ada@example.com"));
        var second = ProfileIds.For(new IdentityKey("email", "ada@example.com"));

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void For_KnownKey_GivesStableId()
    {
        // Arrange: the id is a stored key, so it must not change between releases (first 16 bytes of SHA-256, hex).
        var key = IdentityKey.ForEmail("ada@example.com");

        // Act
        var id = ProfileIds.For(key);

        // Assert
        var expected = "p_" + Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData("email:ada@example.com"u8.ToArray()))[..32];
        Assert.Equal(expected, id);
    }

    [Fact]
    public void For_AnyKey_IsWellFormedAndHidesTheIdentifier()
    {
        // Arrange
        var keys = new[]
        {
            IdentityKey.ForEmail("ada@example.com"),
            IdentityKey.ForExternalId("shop", "cus_123"),
            IdentityKey.ForEmail("z\u00e9@example.com"),
        };

        // Act
        var ids = keys.Select(ProfileIds.For).ToList();

        // Assert
        Assert.All(ids, id =>
        {
            Assert.True(ProfileIds.IsWellFormed(id), id);
            Assert.Equal(34, id.Length);
            Assert.DoesNotContain("example", id, StringComparison.Ordinal);
            Assert.DoesNotContain("cus_123", id, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void For_DifferentKeys_GiveDifferentIds()
    {
        // Arrange: including the same value under two kinds and the same record id on two connections.
        var keys = new[]
        {
            IdentityKey.ForEmail("ada@example.com"),
            IdentityKey.ForEmail("grace@example.com"),
            new IdentityKey(IdentityKey.ExternalKind, "ada@example.com"),
            IdentityKey.ForExternalId("shop", "123"),
            IdentityKey.ForExternalId("crm", "123"),
        };

        // Act
        var ids = keys.Select(ProfileIds.For).ToList();

        // Assert
        Assert.Equal(keys.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("p_")]
    [InlineData("p_0123456789abcdef0123456789abcde")]
    [InlineData("p_0123456789abcdef0123456789abcdef0")]
    [InlineData("p_0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("q_0123456789abcdef0123456789abcdef")]
    [InlineData("p_0123456789abcdef0123456789abcdeg")]
    [InlineData("p-0123456789abcdef0123456789abcdef")]
    public void IsWellFormed_MalformedId_ReturnsFalse(string? id)
    {
        // Act
        var wellFormed = ProfileIds.IsWellFormed(id);

        // Assert
        Assert.False(wellFormed);
    }

    [Fact]
    public void IsWellFormed_LowercaseHexOfRightLength_ReturnsTrue()
    {
        // Act
        var wellFormed = ProfileIds.IsWellFormed("p_0123456789abcdef0123456789abcdef");

        // Assert
        Assert.True(wellFormed);
    }
}
