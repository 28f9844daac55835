using IntegrationHub.Infra.Tests.Bicep;
using IntegrationHub.Infra.Tests.Template;

namespace IntegrationHub.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class TemplateSecurityTests(InfraBuild infra)
{
    private CompiledTemplate Template => infra.Compiled;

    [Theory]
    [InlineData("listKeys")]
    [InlineData("listConnectionStrings")]
    [InlineData("listAccountSas")]
    [InlineData("listServiceSas")]
    [InlineData("listSecrets")]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessKey")]
    public void Template_NeverReadsKeysOrWritesKeyedConnectionStrings(string forbidden)
    {
        Assert.DoesNotContain(forbidden, Template.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void StorageAccount_RefusesSharedKeysPlainHttpAndOldTls()
    {
        var account = Template.One("Microsoft.Storage/storageAccounts");

        Assert.False(account.Literal<bool>("properties.allowSharedKeyAccess"));
        Assert.Equal("TLS1_2", account.Literal<string>("properties.minimumTlsVersion"));
        Assert.True(account.Literal<bool>("properties.supportsHttpsTrafficOnly"));
        Assert.False(account.Literal<bool>("properties.allowBlobPublicAccess"));
        Assert.True(account.Literal<bool>("properties.defaultToOAuthAuthentication"));
    }

    [Fact]
    public void BlobService_KeepsDeletedBlobsAndContainers()
    {
        var blobs = Template.One("Microsoft.Storage/storageAccounts/blobServices");

        Assert.True(blobs.Literal<bool>("properties.deleteRetentionPolicy.enabled"));
        Assert.True(blobs.Literal<int>("properties.deleteRetentionPolicy.days") >= 1);
        Assert.True(blobs.Literal<bool>("properties.containerDeleteRetentionPolicy.enabled"));
    }

    [Fact]
    public void ServiceBus_LocalAuthDisabled_StandardByDefaultWithPremiumAsParameter()
    {
        var ns = Template.One("Microsoft.ServiceBus/namespaces");

        Assert.True(ns.Literal<bool>("properties.disableLocalAuth"));
        Assert.Equal("Standard", ns.Literal<string>("sku.name"));
        var allowed = Template.Root.Template["parameters"]!["serviceBusSku"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Equal(["Standard", "Premium"], allowed);
    }

    [Fact]
    public void DeliveriesQueue_DetectsDuplicatesDeadLettersOnExpiry_MaxDeliveryCountIsAParameter()
    {
        var queue = Assert.Single(Template.OfType("Microsoft.ServiceBus/namespaces/queues"));

        Assert.Equal("deliveries", ArmExpression.Resolve(queue.Scope.ParameterValue("deliveriesQueueName"), queue.Scope.Parent!)!.GetValue<string>());
        Assert.True(queue.Literal<bool>("properties.requiresDuplicateDetection"));
        Assert.True(queue.Literal<bool>("properties.deadLetteringOnMessageExpiration"));
        Assert.Equal(10, queue.Literal<int>("properties.maxDeliveryCount"));
        Assert.Contains("parameters('maxDeliveryCount')", queue.Scope.ParameterValue("maxDeliveryCount")!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileChangedTopic_HasAPortalSubscription()
    {
        var topic = Assert.Single(Template.OfType("Microsoft.ServiceBus/namespaces/topics"));
        var subscription = Assert.Single(Template.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions"));

        Assert.Equal("profile-changed", ArmExpression.Resolve(topic.Scope.ParameterValue("profileChangedTopicName"), topic.Scope.Parent!)!.GetValue<string>());
        Assert.Equal("portal", ArmExpression.Resolve(subscription.Scope.ParameterValue("portalSubscriptionName"), subscription.Scope.Parent!)!.GetValue<string>());
        Assert.True(subscription.Literal<bool>("properties.deadLetteringOnMessageExpiration"));
    }

    [Fact]
    public void KeyVault_UsesRbacAndSoftDelete_PurgeProtectionIsAParameter()
    {
        var vault = Template.One("Microsoft.KeyVault/vaults");

        Assert.True(vault.Literal<bool>("properties.enableRbacAuthorization"));
        Assert.True(vault.Literal<bool>("properties.enableSoftDelete"));
        Assert.Contains("parameters('enablePurgeProtection')", vault.Text("properties.enablePurgeProtection"), StringComparison.Ordinal);
        Assert.True(Template.Root.ParameterDefault("keyVaultEnablePurgeProtection")!.GetValue<bool>());
        Assert.Null(vault.At("properties.accessPolicies"));
    }

    [Fact]
    public void ApplicationInsights_AcceptsOnlyEntraAuthenticatedTelemetry_IntoAWorkspace()
    {
        var insights = Template.One("Microsoft.Insights/components");

        Assert.True(insights.Literal<bool>("properties.DisableLocalAuth"));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.Text("properties.WorkspaceResourceId"), StringComparison.Ordinal);
    }
}
