using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Meta;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Meta;

public sealed class MetaHandshakeTests
{
    private const string VerifyToken = "meatyhamhock";
    private const string HandshakeRefusedType = "urn:integrationhub:problem:handshake-refused";

    private static MetaHandshake CreateSut() => new();

    private static ConnectionOptions CreateConnection(string? verifyToken = VerifyToken)
    {
        var connection = new ConnectionOptions { Provider = MetaProvider.Id, Secrets = ["app-secret"] };
        if (verifyToken is not null)
        {
            connection.Settings[MetaProvider.VerifyTokenSetting] = verifyToken;
        }
        return connection;
    }

    private static WebhookRequest Get(string query) => new(
        "lead-ads", "GET", new Uri($"https://hub.example.com/api/webhooks/lead-ads{query}"),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), ReadOnlyMemory<byte>.Empty);

    [Fact]
    public void Respond_SubscribeWithMatchingToken_EchoesTheChallenge()
    {
        // Act
        var result = CreateSut().Respond(Get("?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock"), CreateConnection());

        // Assert
        Assert.True(result.IsAccepted);
        Assert.Equal("1158201444", result.Text);
    }

    [Fact]
    public void Respond_TokenWithEscapedCharacters_IsDecodedBeforeComparing()
    {
        // Act
        var result = CreateSut().Respond(
            Get("?hub.mode=subscribe&hub.challenge=42&hub.verify_token=a%20b%2Bc%26d"), CreateConnection("a b+c&d"));

        // Assert
        Assert.Equal("42", result.Text);
    }

    [Fact]
    public void Respond_SettingKeyInAnyCase_IsFound()
    {
        // Arrange
        var connection = new ConnectionOptions { Provider = MetaProvider.Id };
        connection.Settings["verifytoken"] = VerifyToken;

        // Act
        var result = CreateSut().Respond(Get("?hub.mode=subscribe&hub.challenge=7&hub.verify_token=meatyhamhock"), connection);

        // Assert
        Assert.True(result.IsAccepted);
    }

    [Theory]
    [InlineData("?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=wrong")]
    [InlineData("?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhoc")]
    [InlineData("?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=MEATYHAMHOCK")]
    [InlineData("?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=")]
    [InlineData("?hub.mode=subscribe&hub.challenge=1158201444")]
    [InlineData("?hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock")]
    [InlineData("?hub.challenge=1158201444&hub.verify_token=meatyhamhock")]
    [InlineData("?hub.mode=subscribe&hub.verify_token=meatyhamhock")]
    [InlineData("?hub.mode=subscribe&hub.challenge=&hub.verify_token=meatyhamhock")]
    [InlineData("?hub.mode=subscribe&hub.challenge=%3Cscript%3E&hub.verify_token=meatyhamhock")]
    [InlineData("")]
    public void Respond_AnythingElse_IsRefused403(string query)
    {
        // Act
        var result = CreateSut().Respond(Get(query), CreateConnection());

        // Assert
        Assert.False(result.IsAccepted);
        Assert.Null(result.Text);
        Assert.Equal(403, result.Problem!.Status);
        Assert.Equal(HandshakeRefusedType, result.Problem.Type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Respond_ConnectionWithoutVerifyToken_IsRefusedWhateverTheQuery(string? verifyToken)
    {
        // Act
        var result = CreateSut().Respond(Get("?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="), CreateConnection(verifyToken));

        // Assert
        Assert.Equal(403, result.Problem?.Status);
        Assert.Contains(MetaProvider.VerifyTokenSetting, result.Problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_WrongToken_NeverRevealsEitherToken()
    {
        // Act
        var result = CreateSut().Respond(Get("?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess123"), CreateConnection());

        // Assert
        Assert.DoesNotContain(VerifyToken, result.Problem!.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("guess123", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_IsMeta()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("meta", provider);
    }
}
