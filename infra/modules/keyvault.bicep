// Key Vault for the connections' webhook secrets and API credentials. RBAC mode (no access policies); the app's
// identity reads secrets (Key Vault Secrets User) through Key Vault references in its app settings. The template
// never writes a secret value: operators add them (see README "Deploy to Azure"), so no secret passes through
// deployment parameters or history. Optionally the deploying principal gets Key Vault Secrets Officer to do so.

import { tagSet } from 'types.bicep'

@description('Name of the vault (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the vault.')
param tags tagSet

@description('Purge protection: deleted secrets cannot be purged before the retention ends. Cannot be turned off once on.')
param enablePurgeProtection bool

@description('Days a deleted vault or secret is kept (soft delete is always on).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Principal id of the identity the Function App runs as.')
param appPrincipalId string

@description('Optional principal (the operator running the deployment) that may set secrets; empty for none.')
param operatorPrincipalId string

@description('Type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string

// Built-in roles: Key Vault Secrets User (read secret values) and Key Vault Secrets Officer (manage secrets).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The API refuses false here: purge protection is either on (true) or left unset.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, keyVaultSecretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficerRoleId)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
