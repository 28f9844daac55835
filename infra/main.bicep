// The Azure deployment of IntegrationHub. A placeholder until the infrastructure issue fills it:
// it compiles and deploys nothing.
targetScope = 'resourceGroup'

@description('Azure region for every resource.')
param location string = resourceGroup().location

output location string = location
