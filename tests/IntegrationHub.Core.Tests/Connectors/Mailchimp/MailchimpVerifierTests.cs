using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Mailchimp;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Mailchimp;

public sealed class MailchimpVerifierTests
{
    private const string Connection = "newsletter";
    private const string Secret = "q7Xv2LmN9pR4sT6w";
    private const string OtherSecret = "a1B2c3D4e5F6g7H8";

    /// <summary>Mailchimp's documented subscribe example, form-encoded as Mailchimp posts it.</summary>
    private const string Body = "type=subscribe&fired_at=2009-03-26+21%3A35%3A57&data%5Bid%5D=8a25ff1d98&data%5Blist_id%5D=a6b5da1054"
        + "&data%5Bemail%5D=api%40mailchimp.com&data%5Bemail_type%5D=html&data%5Bmerges%5D%5BEMAIL%5D=api%40mailchimp.com";

    private static MailchimpVerifier CreateSut() => new();

    private static ConnectionOptions ConnectionWith(string[] secrets, string? queryToken = null)
    {
        var connection = new ConnectionOptions { Provider = MailchimpProvider.Id, Secrets = [.. secrets] };
        if (queryToken is not null)
        {
            connection.Settings["QueryToken"] = queryToken;
        }
        return connection;
    }

    private static WebhookRequest Request(string query) => new(
        Connection,
        "POST",
        new Uri("https://hub.example.test/api/webhooks/newsletter" + query),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/x-www-form-urlencoded" },
        Encoding.UTF8.GetBytes(Body));

    [Fact]
    public void Verify_TokenMatchesSecret_IsValidWithDeliveryIdFromBody()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request($"?token={Secret}"), ConnectionWith([Secret]), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Body)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?other=1")]
    [InlineData("?token=")]
    public void Verify_TokenParameterMissing_IsMissingSignature401(string query)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(query), ConnectionWith([Secret]), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
        Assert.Contains("'token'", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?token=" + OtherSecret)]
    [InlineData("?token=q7Xv2LmN9pR4sT6")]
    [InlineData("?token=q7Xv2LmN9pR4sT6wX")]
    public void Verify_WrongToken_IsInvalidSignature401(string query)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(query), ConnectionWith([Secret]), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem.Type);
    }

    [Fact]
    public void Verify_TokenMatchesSecondOfTwoSecrets_IsValid()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request($"?token={Secret}"), ConnectionWith([OtherSecret, Secret]), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_ConfiguredParameterName_IsTheOneRead()
    {
        // Arrange: with QueryToken=key, a right value under the default name does not count.
        var sut = CreateSut();
        var connection = ConnectionWith([Secret], queryToken: "key");

        // Act
        var named = sut.Verify(Request($"?key={Secret}"), connection, DateTimeOffset.UnixEpoch);
        var defaultName = sut.Verify(Request($"?token={Secret}"), connection, DateTimeOffset.UnixEpoch);

        // Assert
        Assert.True(named.IsValid);
        Assert.Equal("urn:integrationhub:problem:missing-signature", defaultName.Problem!.Type);
    }

    [Fact]
    public void Verify_PercentEncodedToken_IsComparedDecoded()
    {
        // Arrange
        const string secret = "s3cr3t/with+symbols=";
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request("?a=1&token=s3cr3t%2Fwith%2Bsymbols%3D"), ConnectionWith([secret]), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_EveryRefusal_ProblemNeverContainsSecretOrPayload()
    {
        // Arrange
        var requests = new[] { Request(""), Request($"?token={OtherSecret}") };
        var sut = CreateSut();

        // Act
        var problems = requests.Select(r => sut.Verify(r, ConnectionWith([Secret]), DateTimeOffset.UnixEpoch).Problem!).ToList();

        // Assert
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(OtherSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("mailchimp.com", text, StringComparison.Ordinal);
        });
    }
}
