// Service Bus: the inbound "deliveries" queue the webhook trigger enqueues to and the ProcessEvent starter drains,
// and the outbound "profile-changed" topic with a subscription for the portal. Local (SAS) authentication is off;
// the app's identity gets Data Sender and Data Receiver on the namespace.

import { tagSet } from 'types.bicep'

@description('Name of the Service Bus namespace.')
param name string

@description('Azure region.')
param location string

@description('Tags for the namespace.')
param tags tagSet

@description('Standard, or Premium for isolation, larger messages and predictable latency.')
@allowed([
  'Standard'
  'Premium'
])
param skuName string

@description('Messaging units when the tier is Premium (ignored for Standard).')
@allowed([
  1
  2
  4
  8
  16
])
param premiumMessagingUnits int

@description('Name of the inbound queue (DeliveryMessage.QueueName in the code).')
param deliveriesQueueName string

@description('Deliveries attempted this many times are dead-lettered.')
@minValue(1)
@maxValue(2000)
param maxDeliveryCount int

@description('Name of the outbound topic for unified profile changes.')
param profileChangedTopicName string

@description('Name of the portal\'s subscription on the profile-changed topic.')
param portalSubscriptionName string

@description('Principal id of the identity the Function App runs as.')
param appPrincipalId string

// Built-in roles: Azure Service Bus Data Sender and Azure Service Bus Data Receiver.
var serviceBusDataSenderRoleId = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
var serviceBusDataReceiverRoleId = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
    capacity: skuName == 'Premium' ? premiumMessagingUnits : null
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource deliveries 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: deliveriesQueueName
  properties: {
    // The message id is the delivery id, so a webhook enqueued twice inside the window is delivered once.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    deadLetteringOnMessageExpiration: true
    maxDeliveryCount: maxDeliveryCount
    // host.json renews locks for up to five minutes; one minute keeps a crashed worker's message from waiting long.
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P14D'
    requiresSession: false
  }
}

resource profileChanged 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: profileChangedTopicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    defaultMessageTimeToLive: 'P14D'
  }
}

resource portal 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = {
  parent: profileChanged
  name: portalSubscriptionName
  properties: {
    deadLetteringOnMessageExpiration: true
    maxDeliveryCount: maxDeliveryCount
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: 'P14D'
  }
}

resource dataSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace.id, appPrincipalId, serviceBusDataSenderRoleId)
  scope: namespace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceBusDataSenderRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource dataReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace.id, appPrincipalId, serviceBusDataReceiverRoleId)
  scope: namespace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceBusDataReceiverRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = namespace.name
// serviceBusEndpoint is https://<name>.servicebus.<cloud suffix>:443/; the Functions connection wants the host only.
output fullyQualifiedNamespace string = split(replace(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), '/', ''), ':')[0]
output deliveriesQueueName string = deliveries.name
output profileChangedTopicName string = profileChanged.name
output portalSubscriptionName string = portal.name
