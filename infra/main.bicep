// The Azure deployment of IntegrationHub: the Functions app on Flex Consumption with everything it talks to, in one
// resource group. Identity-based connections everywhere (one user-assigned identity, least-privilege roles), secrets
// only in Key Vault, no keys or connection strings with keys. Deploy with `azd up` or `az deployment group create`
// (README "Deploy to Azure").
targetScope = 'resourceGroup'

import { alwaysReadyGroup, connection } from 'modules/types.bicep'

@description('Environment name (azd sets it): tags every resource and seeds the unique resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region for every resource (one that offers Flex Consumption).')
param location string = resourceGroup().location

// Function App (Flex Consumption)
// Flex Consumption lists .NET 10 as dotnet-isolated "10.0". The Microsoft.Web API takes the version as a free string,
// so neither Bicep nor these tests can prove a region accepts it: if a deployment is refused, the region does not
// offer .NET 10 on Flex yet (pick another region; an older version would also need the app retargeted).
@description('.NET version of the isolated worker (functionAppConfig.runtime.version).')
param functionsRuntimeVersion string = '10.0'

@description('Memory per Function App instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the Function App scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Always-ready (pre-warmed) instances per scale group. One HTTP instance keeps webhook answers inside the senders\' deadlines (Shopify: 5 s) after idle periods; [] for none.')
param alwaysReady alwaysReadyGroup[] = [
  {
    name: 'http'
    instanceCount: 1
  }
]

@description('Allow FTP/SCM basic-auth publishing credentials. Off: azd and the Azure CLI deploy with Entra ID.')
param allowBasicPublishingCredentials bool = false

// Storage
@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days a deleted blob or container can be restored.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteRetentionDays int = 7

// Service Bus
@description('Service Bus tier: Standard, or Premium.')
@allowed([
  'Standard'
  'Premium'
])
param serviceBusSku string = 'Standard'

@description('Messaging units when serviceBusSku is Premium.')
@allowed([
  1
  2
  4
  8
  16
])
param serviceBusPremiumMessagingUnits int = 1

@description('Deliveries (and portal subscription messages) attempted this many times are dead-lettered.')
@minValue(1)
@maxValue(2000)
param maxDeliveryCount int = 10

// Key Vault
@description('Key Vault purge protection. Recommended for production; once on it cannot be turned off, and the vault name stays taken until the retention ends.')
param keyVaultEnablePurgeProtection bool = true

@description('Days a deleted vault or secret is kept.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('Principal (object) id allowed to manage the vault\'s secrets: the operator who adds connection secrets. azd passes the signed-in user; empty for none.')
param deployerPrincipalId string = ''

@description('Type of deployerPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param deployerPrincipalType string = 'User'

// Monitoring
@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

// The hub's own settings
@description('Durable Functions task hub name: letters and digits, starting with a letter, 3-45 characters.')
@minLength(3)
@maxLength(45)
param durableTaskHubName string = 'integrationhub'

@description('Hub:MaxBodyBytes, the largest webhook body accepted (larger gets 413).')
@minValue(1)
param hubMaxBodyBytes int = 1048576

@description('Hub:DefaultPhoneRegion, the region for phone numbers written without a country code.')
param hubDefaultPhoneRegion string = 'US'

@description('Webhook connections. Each becomes Hub__Connections__{name}__Provider and Hub__Connections__{name}__Secrets__0, the latter a Key Vault reference to secretName; add the secret value to the vault yourself (README).')
param connections connection[] = []

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
  application: 'integrationhub'
}

// Names the code uses: DeliveryMessage.QueueName, and the outbound topic with the portal's subscription.
var deliveriesQueueName = 'deliveries'
var profileChangedTopicName = 'profile-changed'
var portalSubscriptionName = 'portal'
var deploymentContainerName = 'app-package'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-integrationhub-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-integrationhub-${resourceToken}'
    applicationInsightsName: 'appi-integrationhub-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    skuName: storageSku
    softDeleteRetentionDays: blobSoftDeleteRetentionDays
    deploymentContainerName: deploymentContainerName
    appPrincipalId: identity.outputs.principalId
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'serviceBus'
  params: {
    name: 'sb-integrationhub-${resourceToken}'
    location: location
    tags: tags
    skuName: serviceBusSku
    premiumMessagingUnits: serviceBusPremiumMessagingUnits
    deliveriesQueueName: deliveriesQueueName
    maxDeliveryCount: maxDeliveryCount
    profileChangedTopicName: profileChangedTopicName
    portalSubscriptionName: portalSubscriptionName
    appPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    enablePurgeProtection: keyVaultEnablePurgeProtection
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: deployerPrincipalId
    operatorPrincipalType: deployerPrincipalType
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    name: 'func-integrationhub-${resourceToken}'
    planName: 'plan-integrationhub-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    keyVaultUri: keyVault.outputs.uri
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    runtimeVersion: functionsRuntimeVersion
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReady: alwaysReady
    allowBasicPublishingCredentials: allowBasicPublishingCredentials
    durableTaskHubName: durableTaskHubName
    maxBodyBytes: hubMaxBodyBytes
    defaultPhoneRegion: hubDefaultPhoneRegion
    connections: connections
  }
}

output AZURE_LOCATION string = location
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output SERVICE_BUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output SERVICE_BUS_DELIVERIES_QUEUE string = serviceBus.outputs.deliveriesQueueName
output SERVICE_BUS_PROFILE_CHANGED_TOPIC string = serviceBus.outputs.profileChangedTopicName
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_MANAGED_IDENTITY_NAME string = identity.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
