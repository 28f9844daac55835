namespace IntegrationHub.Core.Webhooks;

/// <summary>Reads a request body without ever holding more than the limit plus one byte.</summary>
public static class BoundedBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Returns the body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int limit, CancellationToken cancellationToken = default)
    {
        if (declaredLength > limit)
        {
            return null;
        }
        // A declared length is only a hint: never reserve more than one chunk before the bytes arrive.
        using var buffer = new MemoryStream((int)Math.Min(declaredLength ?? 4096, ChunkSize));
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
