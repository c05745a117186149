// medallion on Azure: the lake (ADLS Gen2), Key Vault, Log Analytics + Application Insights, a Container
// Apps environment and the app running `medallion serve`, its managed identity and data-plane roles, Event
// Grid delivering landings in `raw` to the app's webhook, and the operators' workbook. Deploy to a resource group:
//
//   az deployment group create -g <group> -f infra/main.bicep -p infra/parameters/<env>.bicepparam
//
// Order and secrets: infra/README.md. First deployment of an environment: MEDALLION_DEPLOY_EVENT_SUBSCRIPTION=false,
// then again with true once the app answers /readyz (Event Grid validates the webhook when subscribing).
targetScope = 'resourceGroup'

metadata description = 'medallion: TMDB + Discogs lakehouse pipeline served by medallion serve on Azure Container Apps'

@description('Short name in every resource name: 2-8 lowercase letters or digits, starting with a letter.')
@minLength(2)
@maxLength(8)
param namePrefix string = 'medal'

@description('Environment name, part of resource names and tags.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Extra tags for every resource (application and environment are always set).')
param tags object = {}

@description('Container image with medallion, e.g. myregistry.azurecr.io/medallion:1.2.0 (pushed before this deployment).')
param containerImage string

@description('Command that starts the medallion executable in the image; [] uses the image\'s ENTRYPOINT.')
param containerCommand array = [
  'node'
  'server/bin.mjs'
]

@description('Name of an Azure Container Registry in this resource group holding the image; the app pulls with its identity (AcrPull is assigned). Empty: a public image.')
param containerRegistryName string = ''

@description('MEDALLION_SOURCE: `live` (TMDB and Discogs; credentials in Key Vault) or `sample` (the built-in emulator).')
@allowed([
  'live'
  'sample'
])
param source string = 'live'

@description('Fewest replicas (0: scale to zero).')
@minValue(0)
@maxValue(300)
param minReplicas int = 1

@description('Most replicas.')
@minValue(1)
@maxValue(300)
param maxReplicas int = 3

@description('vCPUs per replica (memory is 2 GiB per vCPU).')
@allowed([
  '0.25'
  '0.5'
  '0.75'
  '1'
  '1.25'
  '1.5'
  '1.75'
  '2'
])
param cpu string = '0.5'

@description('Concurrent HTTP requests per replica before scaling out.')
@minValue(1)
param concurrentRequests int = 10

@description('More plain environment variables for the app, [{ name, value }].')
param additionalEnv array = []

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days deleted or overwritten blobs stay restorable.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 7

@description('Days deleted containers stay restorable.')
@minValue(1)
@maxValue(365)
param containerSoftDeleteDays int = 7

@description('Key Vault purge protection (cannot be turned off once on).')
param keyVaultPurgeProtection bool = true

@description('Send the lake\'s blob request logs to Log Analytics (StorageBlobLogs, the workbook\'s "Blob requests by operation"); billed per GB ingested. Its transaction metrics go there either way.')
param storageRequestLogs bool = true

@description('Days Log Analytics and Application Insights keep data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('MEDALLION_WEBHOOK_SECRET: shared by the app and the Event Grid subscription (?code=). Stored in Key Vault.')
@secure()
param webhookSecret string

@description('MEDALLION_API_TOKEN: bearer token for POST /assets/:key/materialize. Stored in Key Vault.')
@secure()
param apiToken string

@description('INNGEST_EVENT_KEY (Inngest Cloud or self-hosted); empty: not set.')
@secure()
param inngestEventKey string = ''

@description('INNGEST_SIGNING_KEY; empty: not set (then /api/inngest refuses every request outside dev mode).')
@secure()
param inngestSigningKey string = ''

@description('INNGEST_BASE_URL of a self-hosted Inngest server; empty: Inngest Cloud.')
param inngestBaseUrl string = ''

@description('Create the Event Grid subscription. False on an environment\'s first deployment: Event Grid validates the webhook when subscribing, so the app must be up first.')
param deployEventSubscription bool = true

@description('Object id of an operator (user, group or service principal) to grant lake access and Key Vault Secrets Officer; empty: none.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId is.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

var prefix = toLower(namePrefix)
// Nested deployments are named after this one (at most 64 characters in all).
var deploymentName = take(deployment().name, 40)
var baseName = '${prefix}-${environmentName}'
var suffix = take(uniqueString(subscription().id, resourceGroup().id, prefix, environmentName), 6)

var names = {
  identity: 'id-${baseName}'
  storage: take('st${prefix}${environmentName}${suffix}', 24)
  keyVault: take('kv-${baseName}-${suffix}', 24)
  logAnalytics: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  containerAppsEnvironment: 'cae-${baseName}'
  containerApp: 'ca-${baseName}'
  systemTopic: 'evgt-${baseName}-lake'
  workbook: 'medallion (${environmentName})'
}

var allTags = union(tags, {
  application: 'medallion'
  environment: environmentName
})

module identity 'modules/identity.bicep' = {
  name: '${deploymentName}-identity'
  params: {
    name: names.identity
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: '${deploymentName}-monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: '${deploymentName}-storage'
  params: {
    name: names.storage
    location: location
    tags: allTags
    skuName: storageSku
    blobSoftDeleteDays: blobSoftDeleteDays
    containerSoftDeleteDays: containerSoftDeleteDays
    logAnalyticsWorkspaceName: names.logAnalytics
    requestLogs: storageRequestLogs
  }
  // Its diagnostic setting writes to the workspace, named here rather than read from an output.
  dependsOn: [
    monitoring
  ]
}

module keyVault 'modules/key-vault.bicep' = {
  name: '${deploymentName}-key-vault'
  params: {
    name: names.keyVault
    location: location
    tags: allTags
    enablePurgeProtection: keyVaultPurgeProtection
    webhookSecret: webhookSecret
    apiToken: apiToken
    inngestEventKey: inngestEventKey
    inngestSigningKey: inngestSigningKey
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: '${deploymentName}-roles'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    containerRegistryName: containerRegistryName
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
  // Names known before deployment (not outputs) keep what-if exact; the order is explicit instead.
  dependsOn: [
    storage
    keyVault
  ]
}

module containerAppsEnvironment 'modules/container-apps-environment.bicep' = {
  name: '${deploymentName}-environment'
  params: {
    name: names.containerAppsEnvironment
    location: location
    tags: allTags
    logAnalyticsWorkspaceName: names.logAnalytics
  }
  dependsOn: [
    monitoring
  ]
}

module app 'modules/container-app.bicep' = {
  name: '${deploymentName}-app'
  params: {
    name: names.containerApp
    location: location
    tags: allTags
    environmentId: containerAppsEnvironment.outputs.id
    image: containerImage
    command: containerCommand
    registryServer: empty(containerRegistryName) ? '' : '${containerRegistryName}${environment().suffixes.acrLoginServer}'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    lakeUrl: storage.outputs.lakeUrl
    keyVaultUri: keyVault.outputs.uri
    keyVaultReferenceUris: keyVault.outputs.referenceUris
    inngestEventKeyStored: !empty(inngestEventKey)
    inngestSigningKeyStored: !empty(inngestSigningKey)
    inngestBaseUrl: inngestBaseUrl
    appInsightsName: names.appInsights
    environmentName: environmentName
    source: source
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    cpu: cpu
    concurrentRequests: concurrentRequests
    additionalEnv: additionalEnv
  }
  // The first revision resolves its Key Vault references and probes the lake with the identity's roles.
  dependsOn: [
    roles
    monitoring
  ]
}

module eventGrid 'modules/event-grid.bicep' = {
  name: '${deploymentName}-event-grid'
  params: {
    systemTopicName: names.systemTopic
    location: location
    tags: allTags
    storageAccountName: names.storage
    deploySubscription: deployEventSubscription
    webhookBaseUrl: app.outputs.url
    webhookSecret: webhookSecret
  }
  dependsOn: [
    storage
  ]
}

module workbook 'modules/workbook.bicep' = {
  name: '${deploymentName}-workbook'
  params: {
    displayName: names.workbook
    location: location
    tags: allTags
    logAnalyticsWorkspaceName: names.logAnalytics
  }
  dependsOn: [
    monitoring
  ]
}

@description('The app\'s base URL (the lineage page, /assets, /lineage, /api/inngest).')
output appUrl string = app.outputs.url

@description('Name of the Container App.')
output containerAppName string = app.outputs.name

@description('The webhook Event Grid delivers to, without its ?code= secret.')
output webhookUrl string = '${app.outputs.url}/webhooks/eventgrid'

@description('The Inngest serve URL to sync (Inngest Cloud dashboard or `inngest start --sdk-url`).')
output inngestServeUrl string = '${app.outputs.url}/api/inngest'

@description('Name of the lake\'s storage account.')
output storageAccountName string = storage.outputs.name

@description('MEDALLION_LAKE as the app sees it.')
output lakeUrl string = storage.outputs.lakeUrl

@description('Name of the Key Vault (set tmdb-api-key, tmdb-read-access-token, discogs-token, discogs-user-agent there).')
output keyVaultName string = keyVault.outputs.name

@description('AZURE_KEY_VAULT_URL as the app sees it.')
output keyVaultUri string = keyVault.outputs.uri

@description('Client id of the app\'s identity (AZURE_CLIENT_ID).')
output identityClientId string = identity.outputs.clientId

@description('Object id of the app\'s identity (for further role assignments, e.g. AcrPull).')
output identityPrincipalId string = identity.outputs.principalId

@description('Name of the Application Insights resource (spans: requests and dependencies).')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('APPLICATIONINSIGHTS_CONNECTION_STRING, as set on the app.')
output appInsightsConnectionString string = monitoring.outputs.connectionString

@description('Name of the Log Analytics workspace (container console logs: ContainerAppConsoleLogs_CL).')
output logAnalyticsWorkspaceName string = monitoring.outputs.workspaceName

@description('Resource id of the operators\' workbook (pipeline health, sources, storage, cost; infra/queries/).')
output workbookId string = workbook.outputs.id

@description('The operators\' workbook in the Azure portal.')
output workbookUrl string = workbook.outputs.portalUrl

@description('Name of the Event Grid system topic on the lake.')
output systemTopicName string = eventGrid.outputs.systemTopicName

@description('Name of the event subscription, or empty when deployEventSubscription was false.')
output eventSubscriptionName string = eventGrid.outputs.subscriptionName
