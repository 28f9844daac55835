using System.Buffers.Text;
using System.Text;

namespace IntegrationHub.Infrastructure.Storage;

/// <summary>Azure's continuation tokens name raw keys; callers get them base64url-encoded, opaque and safe in a URL.</summary>
public static class ContinuationTokens
{
    public static string? Encode(string? token) =>
        string.IsNullOrEmpty(token) ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    /// <exception cref="ArgumentException">The text is not a token this hub issued.</exception>
    public static string? Decode(string? continuation)
    {
        if (string.IsNullOrEmpty(continuation))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(continuation));
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The continuation is not one this hub issued.", nameof(continuation), e);
        }
    }
}
