// The Azure Functions app on the Flex Consumption plan (.NET isolated worker), running as the user-assigned identity.
// Every connection is identity-based and every secret is a Key Vault reference; no keys or connection strings with
// keys appear in its settings. The app settings here are the contract with the code: host.json,
// local.settings.sample.json and the Options classes; tests/IntegrationHub.Infra.Tests checks they do not drift.

import { alwaysReadyGroup, connection, tagSet } from 'types.bicep'

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the plan and the app.')
param tags tagSet

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Storage account for AzureWebJobsStorage: the hub\'s data, the Durable task hub and the host.')
param storageAccountName string

@description('URL of the blob container Flex Consumption deploys the package from.')
param deploymentContainerUrl string

@description('Service Bus namespace host name, <name>.servicebus.windows.net.')
param serviceBusFullyQualifiedNamespace string

@description('Key Vault URI (ends with a slash) holding the connections\' secrets.')
param keyVaultUri string

@description('Application Insights connection string (an ingestion endpoint and component id, not a key: local auth is off).')
param applicationInsightsConnectionString string

@description('.NET version of the isolated worker.')
param runtimeVersion string

@description('Memory per instance.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Always-ready instances per scale group.')
param alwaysReady alwaysReadyGroup[]

@description('Allow FTP and SCM basic-auth publishing credentials (off: deploy with Entra ID).')
param allowBasicPublishingCredentials bool

@description('Durable Functions task hub name (host.json reads %DurableTaskHubName%).')
param durableTaskHubName string

@description('Hub:MaxBodyBytes, the largest accepted webhook body.')
param maxBodyBytes int

@description('Hub:DefaultPhoneRegion, for phone numbers written without a country code.')
param defaultPhoneRegion string

@description('Connections: one Provider setting and one Key Vault referenced secret setting each.')
param connections connection[]

// Identity-based connections (the Functions "<connection>__credential/__clientId" convention for a user-assigned
// identity). The hub's storage code reads AzureWebJobsStorage:accountName and :clientId itself.
var identityConnectionSettings = [
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storageAccountName
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identityClientId
  }
  {
    name: 'ServiceBusConnection__fullyQualifiedNamespace'
    value: serviceBusFullyQualifiedNamespace
  }
  {
    name: 'ServiceBusConnection__credential'
    value: 'managedidentity'
  }
  {
    name: 'ServiceBusConnection__clientId'
    value: identityClientId
  }
  {
    // The app's own ServiceBusClient uses DefaultAzureCredential without a client id; its managed identity
    // credential picks the user-assigned identity from AZURE_CLIENT_ID.
    name: 'AZURE_CLIENT_ID'
    value: identityClientId
  }
]

var monitoringSettings = [
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: applicationInsightsConnectionString
  }
  {
    // Local auth is off on the component: the host authenticates its telemetry with the identity.
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'ClientId=${identityClientId};Authorization=AAD'
  }
]

var hubSettings = [
  {
    name: 'DurableTaskHubName'
    value: durableTaskHubName
  }
  {
    name: 'Hub__MaxBodyBytes'
    value: string(maxBodyBytes)
  }
  {
    name: 'Hub__DefaultPhoneRegion'
    value: defaultPhoneRegion
  }
]

// Versionless references: the platform picks up a rotated secret (new version) within a day, or at once on restart.
var connectionSettings = flatten(map(connections, c => [
  {
    name: 'Hub__Connections__${c.name}__Provider'
    value: c.provider
  }
  {
    name: 'Hub__Connections__${c.name}__Secrets__0'
    value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${c.secretName}/)'
  }
]))

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the app to deploy the "functions" service to by this tag.
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // Flex Consumption takes the worker runtime and version from functionAppConfig.runtime and refuses
      // FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE as app settings.
      appSettings: concat(identityConnectionSettings, monitoringSettings, hubSettings, connectionSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReady
      }
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: allowBasicPublishingCredentials
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: allowBasicPublishingCredentials
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
