using System.Text;
using IntegrationHub.Core.Connectors;

namespace IntegrationHub.Core.Tests.Connectors;

public sealed class SignedContentTests
{
    [Fact]
    public void Create_PrefixPartsAndBody_AreConcatenatedInOrder()
    {
        using var content = SignedContent.Create("{\"a\":1}"u8, "v0", ":", "1700000000", ":");

        Assert.Equal("v0:1700000000:{\"a\":1}", Encoding.UTF8.GetString(content.Span));
    }

    [Fact]
    public void Create_NonAsciiPrefix_IsWrittenAsUtf8()
    {
        using var content = SignedContent.Create("b"u8, "é.");

        Assert.Equal("é.b"u8.ToArray(), content.Span.ToArray());
    }

    [Fact]
    public void Dispose_Twice_IsHarmless()
    {
        var content = SignedContent.Create("body"u8, "1.");
        content.Dispose();
        content.Dispose();

        Assert.True(content.Span.IsEmpty);
    }
}
