using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Meta;

namespace IntegrationHub.Core.Tests.Connectors.Meta;

public sealed class MetaConnectionValidatorTests
{
    [Fact]
    public void Problems_WithVerifyToken_None()
    {
        var connection = new ConnectionOptions { Provider = MetaProvider.Id, Secrets = ["app-secret"] };
        connection.Settings[MetaProvider.VerifyTokenSetting] = "e2e-verify-token";

        Assert.Empty(new MetaConnectionValidator().Problems(connection));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Problems_WithoutVerifyToken_NamesTheSetting(string? token)
    {
        var connection = new ConnectionOptions { Provider = MetaProvider.Id, Secrets = ["app-secret"] };
        if (token is not null)
        {
            connection.Settings[MetaProvider.VerifyTokenSetting] = token;
        }

        var problem = Assert.Single(new MetaConnectionValidator().Problems(connection));

        Assert.Contains("Settings:VerifyToken", problem, StringComparison.Ordinal);
    }
}
