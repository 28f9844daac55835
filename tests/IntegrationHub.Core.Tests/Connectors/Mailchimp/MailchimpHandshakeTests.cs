using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Mailchimp;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Mailchimp;

public sealed class MailchimpHandshakeTests
{
    private const string HandshakeRefusedType = "urn:integrationhub:problem:handshake-refused";

    private static MailchimpHandshake CreateSut() => new();

    private static ConnectionOptions CreateConnection(string? queryToken = null, params string[] secrets)
    {
        var connection = new ConnectionOptions { Provider = MailchimpProvider.Id, Secrets = [.. secrets] };
        if (queryToken is not null)
        {
            connection.Settings[MailchimpProvider.QueryTokenSetting] = queryToken;
        }
        return connection;
    }

    /// <summary>The GET Mailchimp's validator sends: no body, no parameters of its own.</summary>
    private static WebhookRequest Get(string query) => new(
        "newsletter",
        "GET",
        new Uri($"https://hub.example.com/api/webhooks/newsletter{query}"),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = "MailChimp.com WebHook Validator" },
        ReadOnlyMemory<byte>.Empty);

    [Fact]
    public void Respond_ValidToken_Accepted200WithEmptyText()
    {
        // Act
        var result = CreateSut().Respond(Get("?token=s3cret"), CreateConnection(null, "s3cret"));

        // Assert
        Assert.True(result.IsAccepted);
        Assert.Equal("", result.Text);
    }

    [Fact]
    public void Respond_TokenOfRotatedSecret_Accepted()
    {
        // Act
        var result = CreateSut().Respond(Get("?token=new-secret"), CreateConnection(null, "old-secret", "new-secret"));

        // Assert
        Assert.True(result.IsAccepted);
    }

    [Fact]
    public void Respond_ConfiguredQueryParameter_ReadsThatParameter()
    {
        // Act
        var accepted = CreateSut().Respond(Get("?key=s3cret&token=wrong"), CreateConnection("key", "s3cret"));
        var refused = CreateSut().Respond(Get("?token=s3cret"), CreateConnection("key", "s3cret"));

        // Assert
        Assert.True(accepted.IsAccepted);
        Assert.False(refused.IsAccepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=")]
    [InlineData("?other=s3cret")]
    public void Respond_NoToken_Refused403(string query)
    {
        // Act
        var result = CreateSut().Respond(Get(query), CreateConnection(null, "s3cret"));

        // Assert
        Assert.False(result.IsAccepted);
        Assert.Null(result.Text);
        Assert.Equal(403, result.Problem!.Status);
        Assert.Equal(HandshakeRefusedType, result.Problem.Type);
        Assert.Contains("'token'", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?token=wrong")]
    [InlineData("?token=s3cre")]
    [InlineData("?token=S3CRET")]
    public void Respond_WrongToken_Refused403WithoutEchoingIt(string query)
    {
        // Act
        var result = CreateSut().Respond(Get(query), CreateConnection(null, "s3cret"));

        // Assert
        Assert.Equal(403, result.Problem!.Status);
        Assert.Equal(HandshakeRefusedType, result.Problem.Type);
        Assert.DoesNotContain("s3cre", result.Problem.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wrong", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_NoSecretsConfigured_Refused()
    {
        // Act
        var result = CreateSut().Respond(Get("?token=anything"), CreateConnection());

        // Assert
        Assert.Equal(HandshakeRefusedType, result.Problem?.Type);
    }

    [Fact]
    public void Provider_IsMailchimp()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("mailchimp", provider);
    }
}
