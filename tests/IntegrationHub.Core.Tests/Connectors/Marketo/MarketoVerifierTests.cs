using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Marketo;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Marketo;

public sealed class MarketoVerifierTests
{
    private const string Connection = "leads";
    private const string Secret = "mk_5Jq8vR2xW7zB3nD6";
    private const string OtherSecret = "mk_9Hc4tY1pL6sF2gK8";
    private const string Header = "X-Marketo-Token";
    private const string Body = """{"leadId":"1234","email":"ada@example.com","firstName":"Ada","campaign":"Spring webinar"}""";

    private static MarketoVerifier CreateSut() => new();

    private static ConnectionOptions ConnectionWith(string[] secrets, string? tokenHeader = Header, string? queryToken = null)
    {
        var connection = new ConnectionOptions { Provider = MarketoProvider.Id, Secrets = [.. secrets] };
        if (tokenHeader is not null)
        {
            connection.Settings["TokenHeader"] = tokenHeader;
        }
        if (queryToken is not null)
        {
            connection.Settings["QueryToken"] = queryToken;
        }
        return connection;
    }

    private static WebhookRequest Request(string? headerToken = null, string query = "") => new(
        Connection,
        "POST",
        new Uri("https://hub.example.test/api/webhooks/leads" + query),
        headerToken is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [Header] = headerToken },
        Encoding.UTF8.GetBytes(Body));

    [Fact]
    public void Verify_HeaderTokenMatchesSecret_IsValidWithDeliveryIdFromBody()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(headerToken: Secret), ConnectionWith([Secret]), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Body)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_QueryTokenMatchesSecret_IsValid()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(query: $"?mkt={Secret}"), ConnectionWith([Secret], tokenHeader: null, queryToken: "mkt"), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_HeaderMissing_IsMissingSignature401NamingHeader()
    {
        // Arrange: the token in the query does not count when the connection reads a header.
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(query: $"?token={Secret}"), ConnectionWith([Secret]), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
        Assert.Contains(Header, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_QueryParameterMissing_IsMissingSignature401()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(headerToken: Secret), ConnectionWith([Secret], tokenHeader: null, queryToken: "mkt"), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem!.Type);
        Assert.Contains("'mkt'", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongHeaderToken_IsInvalidSignature401()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(headerToken: OtherSecret), ConnectionWith([Secret]), DateTimeOffset.UnixEpoch);

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
        var result = sut.Verify(Request(headerToken: Secret), ConnectionWith([OtherSecret, Secret]), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData(Header, "mkt")]
    [InlineData(null, null)]
    [InlineData(" ", "")]
    public void Verify_NotExactlyOneTokenPlaceConfigured_IsInvalidSignatureNamingBothSettings(string? tokenHeader, string? queryToken)
    {
        // Arrange: both places, or neither, is a configuration the verifier refuses rather than guesses at.
        var sut = CreateSut();
        var connection = ConnectionWith([Secret], tokenHeader, queryToken);

        // Act
        var result = sut.Verify(Request(headerToken: Secret, query: $"?mkt={Secret}"), connection, DateTimeOffset.UnixEpoch);

        // Assert
        Assert.False(result.IsValid);
        Assert.Contains("exactly one of Settings:TokenHeader and Settings:QueryToken", result.Problem!.Detail, StringComparison.Ordinal);
        Assert.NotNull(MarketoVerifier.ConfigurationProblem(connection));
    }

    [Fact]
    public void ConfigurationProblem_OnePlaceConfigured_IsNull()
    {
        // Act
        var header = MarketoVerifier.ConfigurationProblem(ConnectionWith([Secret]));
        var query = MarketoVerifier.ConfigurationProblem(ConnectionWith([Secret], tokenHeader: null, queryToken: "mkt"));

        // Assert
        Assert.Null(header);
        Assert.Null(query);
    }

    [Fact]
    public void Verify_EveryRefusal_ProblemNeverContainsSecretOrPayload()
    {
        // Arrange: one request per way to fail.
        var cases = new[]
        {
            (Request(), ConnectionWith([Secret])),
            (Request(headerToken: OtherSecret), ConnectionWith([Secret])),
            (Request(query: $"?mkt={OtherSecret}"), ConnectionWith([Secret], tokenHeader: null, queryToken: "mkt")),
        };
        var sut = CreateSut();

        // Act
        var problems = cases.Select(c => sut.Verify(c.Item1, c.Item2, DateTimeOffset.UnixEpoch).Problem!).ToList();

        // Assert
        Assert.Equal(cases.Length, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(OtherSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("ada@example.com", text, StringComparison.Ordinal);
        });
    }
}
