using System.Text;
using IntegrationHub.Core.Connectors.Slack;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Slack;

public sealed class SlackUrlVerificationTests
{
    private static WebhookRequest Post(string body) => new(
        "workspace", "POST", new Uri("https://hub.example.test/api/webhooks/workspace"),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body));

    [Fact]
    public void TryAnswer_UrlVerification_EchoesTheChallenge()
    {
        var answered = new SlackUrlVerification().TryAnswer(
            Post("""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"""),
            out var text);

        Assert.True(answered);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", text);
    }

    [Theory]
    [InlineData("""{"type":"event_callback","event":{"type":"message","text":"\"url_verification\""},"event_id":"Ev1"}""")]
    [InlineData("""{"type":"url_verification"}""")]
    [InlineData("""{"type":"url_verification","challenge":""}""")]
    [InlineData("""{"event":{"type":"url_verification","challenge":"nested"},"type":"event_callback"}""")]
    [InlineData("command=%2Furl_verification&text=%22url_verification%22")]
    public void TryAnswer_AnythingElse_IsADeliveryLikeAnyOther(string body)
    {
        Assert.False(new SlackUrlVerification().TryAnswer(Post(body), out _));
    }
}
