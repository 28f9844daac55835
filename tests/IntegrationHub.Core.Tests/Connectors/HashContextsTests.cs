using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Connectors;

namespace IntegrationHub.Core.Tests.Connectors;

public sealed class HashContextsTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"ping"}""");

    [Fact]
    public void Hmac_SameSecretAgain_IsTheSameContext()
    {
        var first = HashContexts.Hmac(HashAlgorithmName.SHA256, "secret-a", HashContexts.Utf8Text);

        Assert.Same(first, HashContexts.Hmac(HashAlgorithmName.SHA256, "secret-a", HashContexts.Utf8Text));
        Assert.NotSame(first, HashContexts.Hmac(HashAlgorithmName.SHA1, "secret-a", HashContexts.Utf8Text));
        Assert.NotSame(first, HashContexts.Hmac(HashAlgorithmName.SHA256, "secret-b", HashContexts.Utf8Text));
    }

    [Fact]
    public void Finish_TwiceWithOneContext_GivesTheSameMacEachTime()
    {
        var hmac = HashContexts.Hmac(HashAlgorithmName.SHA256, "secret-a", HashContexts.Utf8Text)!;
        var first = new byte[HMACSHA256.HashSizeInBytes];
        var second = new byte[HMACSHA256.HashSizeInBytes];

        HashContexts.Finish(hmac, new SignedParts("1700000000."u8, Body), first);
        HashContexts.Finish(hmac, new SignedParts("1700000000."u8, Body), second);

        Assert.Equal(HMACSHA256.HashData(Encoding.UTF8.GetBytes("secret-a"), Encoding.UTF8.GetBytes("1700000000.").Concat(Body).ToArray()), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Hmac_MoreSecretsThanAThreadKeeps_EachStillKeyedByItsOwnSecret()
    {
        var secrets = Enumerable.Range(0, HashContexts.Capacity * 2 + 1).Select(i => $"secret-{i}").ToArray();
        var mac = new byte[HMACSHA256.HashSizeInBytes];

        foreach (var secret in secrets.Concat(secrets.Reverse()))
        {
            HashContexts.Finish(HashContexts.Hmac(HashAlgorithmName.SHA256, secret, HashContexts.Utf8Text)!, SignedParts.BodyOnly(Body), mac);

            Assert.Equal(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Body), mac);
        }
    }

    [Fact]
    public void Hmac_SecretItsDecoderRefuses_IsNull()
    {
        HashContexts.KeyDecoder none = static (string _, Span<byte> _, out int length) => (length = 0) > 0;

        Assert.Null(HashContexts.Hmac(HashAlgorithmName.SHA256, "secret-a", none));
    }

    [Fact]
    public void Sha256_PiecesOfTheContent_HashAsTheWhole()
    {
        var hash = new byte[SHA256.HashSizeInBytes];

        HashContexts.Finish(HashContexts.Sha256(), new SignedParts("POST"u8, Body, "1700000000"u8), hash);

        Assert.Equal(SHA256.HashData([.. "POST"u8, .. Body, .. "1700000000"u8]), hash);
    }
}
