using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Shopify;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Shopify;

public sealed class ShopifyVerifierTests
{
    private const string Secret = "shpss_retiring_0123456789abcdef";
    private const string NextSecret = "shpss_current_fedcba9876543210";
    private const string Body = """{"id":706405506930370084,"email":"bob@example.com","first_name":"Bob"}""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static ShopifyVerifier CreateSut() => new();

    private static ConnectionOptions ConnectionWith(params string[] secrets) =>
        new() { Provider = ShopifyProvider.Id, Secrets = [.. secrets] };

    private static string Signature(string secret, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static WebhookRequest Request(string body, Dictionary<string, string> headers) =>
        new("shop", "POST", new Uri("https://hub.example.test/api/webhooks/shop"), headers, Encoding.UTF8.GetBytes(body));

    private static WebhookRequest Signed(string secret, string body = Body, string? webhookId = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", string? eventId = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [ShopifyProvider.SignatureHeader] = Signature(secret, body),
            [ShopifyProvider.TopicHeader] = "customers/create",
        };
        if (webhookId is not null)
        {
            headers[ShopifyProvider.WebhookIdHeader] = webhookId;
        }
        if (eventId is not null)
        {
            headers[ShopifyProvider.EventIdHeader] = eventId;
        }
        return Request(body, headers);
    }

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        // Arrange
        var vectors = ShopifyVector.LoadAll();

        // Act
        var cases = ShopifyVector.Cases();

        // Assert
        Assert.Equal(vectors.Count, cases.Count);
        Assert.Equal(3, vectors.Count);
        Assert.Contains(vectors, v => v.Valid);
        Assert.Contains(vectors, v => !v.Valid);
    }

    [Theory]
    [MemberData(nameof(ShopifyVector.Cases), MemberType = typeof(ShopifyVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange
        var vector = ShopifyVector.LoadAll()[index];
        var sut = CreateSut();
        var request = new WebhookRequest(
            "shop", "POST", new Uri("https://hub.example.test/api/webhooks/shop"), vector.Headers, Encoding.UTF8.GetBytes(vector.Body));

        // Act
        var result = sut.Verify(request, ConnectionWith(vector.Secret), vector.Now);

        // Assert
        Assert.True(vector.Valid == result.IsValid, $"vector {index} ({note}): expected valid={vector.Valid}");
        if (vector.Valid)
        {
            Assert.Equal(vector.Headers[ShopifyProvider.WebhookIdHeader], result.DeliveryId);
        }
        else
        {
            Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
        }
    }

    [Fact]
    public void Verify_VendorVectorWithOldAndNewSecretsConfigured_IsValid()
    {
        // Arrange: the derived vector signs with the current secret but configures only the old one; rotation adds both.
        var vector = ShopifyVector.LoadAll().Single(v => v.Secret == "OLD_API_SECRET_KEY");
        var request = new WebhookRequest(
            "shop", "POST", new Uri("https://hub.example.test/api/webhooks/shop"), vector.Headers, Encoding.UTF8.GetBytes(vector.Body));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith("OLD_API_SECRET_KEY", "API_SECRET_KEY"), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_SignatureHeaderMissing_IsMissingSignatureNamingHeader()
    {
        // Arrange
        var request = Request(Body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
        Assert.Contains(ShopifyProvider.SignatureHeader, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignedWithSecondOfTwoSecrets_IsValid()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(NextSecret), ConnectionWith(Secret, NextSecret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_BodyTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        var request = Signed(Secret) with { Body = Encoding.UTF8.GetBytes(Body.Replace("bob@", "eve@", StringComparison.Ordinal)) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_OldDeliveryReplayed_IsStillValidBecauseShopifySignsNoTimestamp()
    {
        // Arrange: nothing in the signature dates the delivery, so the hub's clock cannot refuse it (dedupe catches it).
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret), ConnectionWith(Secret), Now.AddYears(3));

        // Assert
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", "01HZX5V0J5Q0W8Z5", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")]
    [InlineData(null, "01HZX5V0J5Q0W8Z5", "01HZX5V0J5Q0W8Z5")]
    [InlineData(" ", "01HZX5V0J5Q0W8Z5", "01HZX5V0J5Q0W8Z5")]
    public void Verify_DeliveryIdHeaders_PreferWebhookIdThenEventId(string? webhookId, string eventId, string expected)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, webhookId: webhookId, eventId: eventId), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(expected, result.DeliveryId);
    }

    [Fact]
    public void Verify_OversizedWebhookIdHeader_FallsBackToEventId()
    {
        // Arrange: the id headers are not signed, so an id too long to be a storage key is ignored.
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, webhookId: new string('/', 200), eventId: "01HZX5V0J5Q0W8Z5"), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("01HZX5V0J5Q0W8Z5", result.DeliveryId);
    }

    [Fact]
    public void Verify_NoIdHeaders_DeliveryIdIsDerivedFromContent()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, webhookId: null), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Body)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_EveryRefusal_DetailNeverContainsSecretOrPayload()
    {
        // Arrange
        var requests = new[]
        {
            Request(Body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)),
            Signed(Secret) with { Body = Encoding.UTF8.GetBytes("{}") },
        };
        var sut = CreateSut();

        // Act
        var problems = requests.Select(r => sut.Verify(r, ConnectionWith(Secret), Now).Problem!).ToList();

        // Assert
        Assert.Equal(2, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("bob@example.com", text, StringComparison.Ordinal);
        });
    }
}
