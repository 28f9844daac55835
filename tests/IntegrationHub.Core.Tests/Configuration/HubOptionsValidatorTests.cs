using IntegrationHub.Core.Configuration;

namespace IntegrationHub.Core.Tests.Configuration;

public sealed class HubOptionsValidatorTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static HubOptionsValidator CreateSut() => new(["standard-webhooks", "stripe"]);

    private static HubOptions With(string name, string provider, params string[] secrets)
    {
        var options = new HubOptions();
        options.Connections[name] = new ConnectionOptions { Provider = provider, Secrets = [.. secrets] };
        return options;
    }

    [Fact]
    public void Validate_GoodConnections_Succeeds()
    {
        // Arrange
        var options = With("shop-eu_1", "standard-webhooks", Secret, "whsec_second");
        options.Connections["payments"] = new ConnectionOptions { Provider = "stripe", Secrets = ["whsec_x"] };
        var sut = CreateSut();

        // Act
        var result = sut.Validate(null, options);

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NoConnections_Succeeds()
    {
        // Act
        var result = CreateSut().Validate(null, new HubOptions());

        // Assert
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("shopify-v2")]
    [InlineData("Standard-Webhooks")]
    [InlineData("")]
    public void Validate_UnknownProvider_FailsNamingIt(string provider)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Validate(null, With("shop", provider, Secret));

        // Assert
        Assert.True(result.Failed);
        Assert.Single(result.Failures!);
        Assert.Contains($"Hub:Connections:shop:Provider '{provider}'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("standard-webhooks", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(Secret, "")]
    public void Validate_MissingOrBlankSecret_Fails(params string[] secrets)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Validate(null, With("shop", "standard-webhooks", secrets));

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("Hub:Connections:shop:Secrets", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shop/eu")]
    [InlineData("shop eu")]
    [InlineData("shop.eu")]
    [InlineData("caf\u00e9")]
    [InlineData("")]
    public void Validate_BadConnectionName_Fails(string name)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Validate(null, With(name, "standard-webhooks", Secret));

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("a connection name uses letters, digits", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConnectionNameOverMaxLength_Fails()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var atMax = sut.Validate(null, With(new string('a', ConnectionName.MaxLength), "standard-webhooks", Secret));
        var overMax = sut.Validate(null, With(new string('a', ConnectionName.MaxLength + 1), "standard-webhooks", Secret));

        // Assert
        Assert.True(atMax.Succeeded);
        Assert.True(overMax.Failed);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachAndNeverTheSecret()
    {
        // Arrange
        var options = With("bad name", "nope", Secret, " ");
        var sut = CreateSut();

        // Act
        var result = sut.Validate(null, options);

        // Assert
        Assert.Equal(3, result.Failures!.Count());
        Assert.DoesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", result.FailureMessage, StringComparison.Ordinal);
    }
}
