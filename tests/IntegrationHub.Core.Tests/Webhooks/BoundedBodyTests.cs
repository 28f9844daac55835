using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Webhooks;

public sealed class BoundedBodyTests
{
    private const int Limit = 100;

    private static byte[] Bytes(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i % 251))];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Limit - 1)]
    [InlineData(Limit)]
    public async Task ReadAsync_BodyWithinLimit_ReturnsExactBytes(int length)
    {
        // Arrange
        var body = Bytes(length);
        using var stream = new MemoryStream(body);

        // Act
        var read = await BoundedBody.ReadAsync(stream, length, Limit);

        // Assert
        Assert.Equal(body, read);
    }

    [Theory]
    [InlineData(Limit + 1)]
    [InlineData(Limit * 10)]
    public async Task ReadAsync_BodyOverLimitWithoutDeclaredLength_ReturnsNull(int length)
    {
        // Arrange
        using var stream = new MemoryStream(Bytes(length));

        // Act
        var read = await BoundedBody.ReadAsync(stream, null, Limit);

        // Assert
        Assert.Null(read);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthOverLimit_ReturnsNullWithoutReading()
    {
        // Arrange
        using var stream = new MemoryStream(Bytes(Limit + 1));

        // Act
        var read = await BoundedBody.ReadAsync(stream, Limit + 1, Limit);

        // Assert
        Assert.Null(read);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthUnderstatesLongBody_ReturnsNull()
    {
        // Arrange: a sender that lies about Content-Length does not get past the limit either.
        using var stream = new MemoryStream(Bytes(Limit + 1));

        // Act
        var read = await BoundedBody.ReadAsync(stream, 10, Limit);

        // Assert
        Assert.Null(read);
    }

    [Fact]
    public async Task ReadAsync_BodySpanningManyReads_ReturnsExactBytes()
    {
        // Arrange: larger than one internal chunk, delivered a few bytes at a time.
        var body = Bytes(40_000);
        using var stream = new TricklingStream(body, 777);

        // Act
        var read = await BoundedBody.ReadAsync(stream, null, 40_000);

        // Assert
        Assert.Equal(body, read);
    }

    [Fact]
    public async Task ReadAsync_ChunkedBodyOneByteOverLimit_ReturnsNull()
    {
        // Arrange
        using var stream = new TricklingStream(Bytes(40_001), 1_000);

        // Act
        var read = await BoundedBody.ReadAsync(stream, null, 40_000);

        // Assert
        Assert.Null(read);
    }

    /// <summary>Returns at most a few bytes per read, as a network stream does.</summary>
    private sealed class TricklingStream(byte[] data, int maxPerRead) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, maxPerRead));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, maxPerRead)], cancellationToken);
    }
}
