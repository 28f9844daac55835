using System.Security.Cryptography;

namespace IntegrationHub.Benchmarks;

/// <summary>The bare primitives the schemes rest on, over bytes and keys prepared once.</summary>
public static class Primitive
{
    public static Func<int> HmacSha256(byte[] key, byte[] content)
    {
        var mac = new byte[HMACSHA256.HashSizeInBytes];
        return () =>
        {
            HMACSHA256.HashData(key, content, mac);
            return mac[0];
        };
    }

#pragma warning disable CA5350 // HMAC-SHA1 is Segment's, Intercom's and Twilio's scheme, measured as they use it.
    public static Func<int> HmacSha1(byte[] key, byte[] content)
    {
        var mac = new byte[HMACSHA1.HashSizeInBytes];
        return () =>
        {
            HMACSHA1.HashData(key, content, mac);
            return mac[0];
        };
    }
#pragma warning restore CA5350

    public static Func<int> Sha256(byte[] content)
    {
        var hash = new byte[SHA256.HashSizeInBytes];
        return () =>
        {
            SHA256.HashData(content, hash);
            return hash[0];
        };
    }
}
