using IntegrationHub.Infra.Tests.Bicep;
using IntegrationHub.Infra.Tests.Template;

namespace IntegrationHub.Infra.Tests;

/// <summary>The app's identity gets exactly the data-plane roles it needs, each on the one resource it needs it on.
/// Role ids are Azure built-in role definition ids.</summary>
[Collection(InfraCollection.Name)]
public sealed class RoleAssignmentTests(InfraBuild infra)
{
    private const string AppIdentityPrincipal = "reference('identity').outputs.principalId.value";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    public static TheoryData<string, string, string> AppRoles => new()
    {
        { "Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Microsoft.Storage/storageAccounts" },
        { "Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts" },
        { "Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts" },
        { "Azure Service Bus Data Sender", "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", "Microsoft.ServiceBus/namespaces" },
        { "Azure Service Bus Data Receiver", "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", "Microsoft.ServiceBus/namespaces" },
        { "Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults" },
        { "Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components" },
    };

    [Theory]
    [MemberData(nameof(AppRoles))]
    public void AppIdentity_HasRole_OnTheResourceThatNeedsIt(string role, string roleDefinitionId, string scopeType)
    {
        var grants = RoleGrant.All(infra.Compiled).Where(g => g.RoleDefinitionId == roleDefinitionId).ToList();

        var grant = Assert.Single(grants);
        Assert.True(grant.Scope.Contains($"resourceId('{scopeType}'", StringComparison.Ordinal), $"{role} is scoped to {grant.Scope}");
        Assert.Contains(AppIdentityPrincipal, grant.Principal, StringComparison.Ordinal);
        Assert.Null(grant.Condition);
    }

    [Fact]
    public void RoleAssignments_GrantNothingElse_ExceptSecretsOfficerToAnOptionalOperator()
    {
        var expected = AppRoles.Select(row => (string)row[1]).Append(KeyVaultSecretsOfficer).Order();
        var grants = RoleGrant.All(infra.Compiled);

        Assert.Equal(expected, grants.Select(g => g.RoleDefinitionId).Order());
        var officer = Assert.Single(grants, g => g.RoleDefinitionId == KeyVaultSecretsOfficer);
        Assert.Contains("resourceId('Microsoft.KeyVault/vaults'", officer.Scope, StringComparison.Ordinal);
        Assert.Contains("parameters('deployerPrincipalId')", officer.Principal, StringComparison.Ordinal);
        Assert.Contains("empty(parameters('operatorPrincipalId'))", officer.Condition, StringComparison.Ordinal);
    }
}
