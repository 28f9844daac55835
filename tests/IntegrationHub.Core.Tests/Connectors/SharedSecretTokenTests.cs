using System.Web;
using IntegrationHub.Core.Connectors;

namespace IntegrationHub.Core.Tests.Connectors;

public sealed class SharedSecretTokenTests
{
    [Theory]
    [InlineData("?token=abc", "token")]
    [InlineData("?a=1&token=abc&token=def", "token")]
    [InlineData("?TOKEN=abc", "token")]
    [InlineData("?token=", "token")]
    [InlineData("?token", "token")]
    [InlineData("?tokens=abc", "token")]
    [InlineData("?x=1&&token=a=b", "token")]
    [InlineData("", "token")]
    [InlineData("?token=a%20b", "token")]
    [InlineData("?token=a+b", "token")]
    [InlineData("?%74oken=abc", "token")]
    [InlineData("?mkt=s3cr%C3%A9t", "mkt")]
    public void FromQuery_AnyQuery_ReadsWhatHttpUtilityReads(string query, string name)
    {
        var url = new Uri($"https://hub.example.com/api/webhooks/list{query}");
        var expected = HttpUtility.ParseQueryString(url.Query).GetValues(name)?[0] ?? "";

        var offered = SharedSecretToken.FromQuery(url, name);

        Assert.Equal(expected, offered.ToString());
    }

    [Theory]
    [InlineData("s3cret", true)]
    [InlineData("s3cret ", false)]
    [InlineData("", false)]
    public void MatchesAny_OfferedToken_MatchesOnlyAConfiguredSecret(string offered, bool expected)
    {
        Assert.Equal(expected, SharedSecretToken.MatchesAny(offered, ["other", "s3cret"]));
    }

    [Fact]
    public void MatchesAny_SecretLongerThanTheStackBuffer_StillMatches()
    {
        var secret = new string('k', SecretBytes.StackSize * 2);

        Assert.True(SharedSecretToken.MatchesAny(secret, [secret]));
    }
}
