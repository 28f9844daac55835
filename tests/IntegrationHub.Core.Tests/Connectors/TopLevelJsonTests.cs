using System.Text;
using IntegrationHub.Core.Connectors;

namespace IntegrationHub.Core.Tests.Connectors;

public sealed class TopLevelJsonTests
{
    [Theory]
    [InlineData("""{"id":"evt_1"}""", "evt_1")]
    [InlineData("""  {"data":{"id":"nested"},"id":"top"}""", "top")]
    [InlineData("""{"id":1,"id":"second"}""", "second")]
    [InlineData("""{"id":"caf\u00e9"}""", "café")]
    [InlineData("""{"data":{"id":"nested"}}""", null)]
    [InlineData("""[{"id":"in-array"}]""", null)]
    [InlineData("""{"id":"unterminated""", null)]
    [InlineData("id=form-encoded", null)]
    [InlineData("", null)]
    public void FindString_Body_IsTheTopLevelStringOrNull(string body, string? expected)
    {
        Assert.Equal(expected, TopLevelJson.FindString(Encoding.UTF8.GetBytes(body), "id"u8));
    }

    [Fact]
    public void FindString_NotUtf8_IsNull()
    {
        byte[] body = [(byte)'{', (byte)'"', (byte)'i', (byte)'d', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}'];

        Assert.Null(TopLevelJson.FindString(body, "id"u8));
    }
}
