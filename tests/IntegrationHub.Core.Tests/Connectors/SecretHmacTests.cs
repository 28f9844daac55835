using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Connectors;

namespace IntegrationHub.Core.Tests.Connectors;

public sealed class SecretHmacTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("""{"type":"ping"}""");

    [Theory]
    [InlineData("shpss_0123456789abcdef")]
    [InlineData("clé-secrète")]
    [InlineData(null)]
    public void Compute_AnySecret_IsTheHmacKeyedByItsUtf8Text(string? secret)
    {
        secret ??= new string('k', SecretBytes.StackSize + 1);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];

        var length = SecretHmac.Compute(HashAlgorithmName.SHA256, secret, Content, mac);

        Assert.Equal(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Content), mac[..length].ToArray());
    }

    [Fact]
    public void Compute_Pieces_IsTheHmacOfThemJoined()
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];

        var length = SecretHmac.Compute(HashAlgorithmName.SHA256, "whsec_x", new SignedParts("1700000000."u8, Content, ".end"u8), mac);

        Assert.Equal(HMACSHA256.HashData("whsec_x"u8, [.. "1700000000."u8, .. Content, .. ".end"u8]), mac[..length].ToArray());
    }

    [Theory]
    [InlineData(SignatureEncoding.Hex)]
    [InlineData(SignatureEncoding.Base64)]
    public void AnyMatches_SignedWithTheSecondSecret_Matches(SignatureEncoding encoding)
    {
#pragma warning disable CA5350 // Segment, Intercom and Twilio sign with HMAC-SHA1.
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes("next"), Content);
#pragma warning restore CA5350
        var text = encoding == SignatureEncoding.Hex ? Convert.ToHexStringLower(mac) : Convert.ToBase64String(mac);

        Assert.True(SecretHmac.AnyMatches(HashAlgorithmName.SHA1, ["current", "next"], Content, text, encoding));
        Assert.False(SecretHmac.AnyMatches(HashAlgorithmName.SHA1, ["current"], Content, text, encoding));
    }
}
