using System.Text.Json.Nodes;
using IntegrationHub.Infra.Tests.Bicep;
using IntegrationHub.Infra.Tests.Template;

namespace IntegrationHub.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class FunctionAppTests(InfraBuild infra)
{
    private TemplateResource Site => infra.Compiled.One("Microsoft.Web/sites");

    [Fact]
    public void FunctionApp_RunsAsTheUserAssignedIdentity_ForKeyVaultReferencesAndItsDeploymentPackage()
    {
        var identities = Assert.IsType<JsonObject>(Site.At("identity.userAssignedIdentities"));

        Assert.Equal("UserAssigned", Site.Literal<string>("identity.type"));
        Assert.Contains("parameters('identityId')", Assert.Single(identities).Key, StringComparison.Ordinal);
        Assert.Contains("reference('identity').outputs.id", Site.Text("properties.keyVaultReferenceIdentity"), StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", Site.Literal<string>("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.Contains("reference('identity').outputs.id", Site.Text("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"), StringComparison.Ordinal);
        Assert.Equal("blobContainer", Site.Literal<string>("properties.functionAppConfig.deployment.storage.type"));
    }

    [Fact]
    public void FunctionApp_IsDotnetIsolated10OnFlexConsumption()
    {
        var plan = infra.Compiled.One("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Literal<string>("sku.name"));
        Assert.Equal("FlexConsumption", plan.Literal<string>("sku.tier"));
        Assert.True(plan.Literal<bool>("properties.reserved"));
        Assert.Equal("functionapp,linux", Site.Literal<string>("kind"));
        Assert.Equal("dotnet-isolated", Site.Literal<string>("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", Site.Literal<string>("properties.functionAppConfig.runtime.version"));
    }

    [Theory]
    [InlineData("properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount", "maximumInstanceCount")]
    [InlineData("properties.functionAppConfig.scaleAndConcurrency.alwaysReady", "alwaysReady")]
    [InlineData("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB", "instanceMemoryMB")]
    public void FunctionApp_ScaleSettings_AreMainTemplateParameters(string path, string parameter)
    {
        var passed = ArmExpression.Text(Site.Scope.ParameterValue(ModuleParameter(path)));

        Assert.Equal($"\"[parameters('{parameter}')]\"", passed);
        Assert.NotNull(infra.Compiled.Root.Template["parameters"]![parameter]);
    }

    [Fact]
    public void FunctionApp_IsHttpsOnlyWithTls12_AndOffersNoFtpOrBasicAuthPublishingByDefault()
    {
        Assert.True(Site.Literal<bool>("properties.httpsOnly"));
        Assert.Equal("1.2", Site.Literal<string>("properties.siteConfig.minTlsVersion"));
        Assert.Equal("Disabled", Site.Literal<string>("properties.siteConfig.ftpsState"));
        var policies = infra.Compiled.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.Literal<bool>("properties.allow")));
    }

    /// <summary>The module parameter the site reads at a path (for example maximumInstanceCount).</summary>
    private string ModuleParameter(string path)
    {
        var node = path.Split('.').Aggregate<string, JsonNode?>(Site.Node, (current, part) => current?[part]);
        return ArmExpression.Parameters(node!.GetValue<string>()).Single();
    }
}
