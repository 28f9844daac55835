using IntegrationHub.Infra.Tests.Bicep;
using IntegrationHub.Infra.Tests.Settings;

namespace IntegrationHub.Infra.Tests;

/// <summary>What the settings hold: identities and Key Vault references, never secrets, and nothing Flex Consumption
/// refuses.</summary>
[Collection(InfraCollection.Name)]
public sealed class AppSettingsValueTests(InfraBuild infra)
{
    private TemplateAppSettings Settings => TemplateAppSettings.Read(infra.Compiled);

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("ServiceBusConnection")]
    public void IdentityConnection_UsesTheUserAssignedIdentity(string connection)
    {
        Assert.Equal("\"managedidentity\"", Settings.ValueOf($"{connection}__credential"));
        Assert.Equal("\"[parameters('identityClientId')]\"", Settings.ValueOf($"{connection}__clientId"));
    }

    [Fact]
    public void AzureClientId_SelectsTheIdentityForTheAppsOwnDefaultAzureCredential()
    {
        // FunctionsHostExtensions builds its ServiceBusClient with new DefaultAzureCredential(), which finds a
        // user-assigned identity only through AZURE_CLIENT_ID.
        Assert.Equal("\"[parameters('identityClientId')]\"", Settings.ValueOf("AZURE_CLIENT_ID"));
    }

    [Fact]
    public void ConnectionSecrets_AreKeyVaultReferences()
    {
        var secret = Settings.ValueOf("Hub__Connections__{0}__Secrets__0");

        Assert.Contains("'@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', parameters('keyVaultUri')", secret, StringComparison.Ordinal);
        Assert.Contains(".secretName", secret, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplicationInsights_TelemetryAuthenticatesWithTheIdentity()
    {
        Assert.Contains("Authorization=AAD", Settings.ValueOf("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("ServiceBusConnection")]
    public void AppSettings_LeaveOutWhatFlexConsumptionOrIdentityConnectionsRule_Out(string name)
    {
        Assert.DoesNotContain(name, Settings.Names, StringComparer.OrdinalIgnoreCase);
    }
}
