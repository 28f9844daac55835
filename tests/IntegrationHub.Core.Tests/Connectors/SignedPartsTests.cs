using System.Text;
using IntegrationHub.Core.Connectors;

namespace IntegrationHub.Core.Tests.Connectors;

public sealed class SignedPartsTests
{
    [Fact]
    public void Utf8_Parts_AreWrittenInOrderOnTheStack()
    {
        Span<byte> stack = stackalloc byte[SignedParts.PrefixStackSize];

        var prefix = SignedParts.Utf8(stack, "v0", ":", "1700000000", ":");

        Assert.Equal("v0:1700000000:", Encoding.UTF8.GetString(prefix));
        Assert.True(prefix.Overlaps(stack));
    }

    [Fact]
    public void Utf8_NonAsciiPart_IsWrittenAsUtf8()
    {
        Span<byte> stack = stackalloc byte[SignedParts.PrefixStackSize];

        Assert.Equal("é."u8.ToArray(), SignedParts.Utf8(stack, "é", ".").ToArray());
    }

    [Fact]
    public void Utf8_LongerThanTheStack_IsWrittenWholeElsewhere()
    {
        var id = new string('x', SignedParts.PrefixStackSize);
        Span<byte> stack = stackalloc byte[SignedParts.PrefixStackSize];

        var prefix = SignedParts.Utf8(stack, id, ".", "1700000000", ".");

        Assert.Equal($"{id}.1700000000.", Encoding.UTF8.GetString(prefix));
        Assert.False(prefix.Overlaps(stack));
    }
}
