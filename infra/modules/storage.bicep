// The lake: an ADLS Gen2 account (hierarchical namespace) with one container per layer. Entra ID only
// (no shared keys by default), no anonymous access, TLS 1.2, soft delete for blobs and containers. The blob
// service sends its Transaction metrics (AzureMetrics) and request logs (StorageBlobLogs) to Log Analytics,
// where the workbook's storage charts read them (infra/queries/storage-*.kql).

@description('Storage account name (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param skuName string = 'Standard_LRS'

@description('Days a deleted or overwritten blob can be restored.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 7

@description('Days a deleted container can be restored.')
@minValue(1)
@maxValue(365)
param containerSoftDeleteDays int = 7

@description('Allow shared-key (account key and SAS) authorization. Off: the app and operators use Entra ID.')
param allowSharedKeyAccess bool = false

@description('Name of the Log Analytics workspace (same resource group) that receives the blob service\'s metrics and request logs.')
param logAnalyticsWorkspaceName string

@description('Send the blob service\'s request logs (StorageRead, StorageWrite, StorageDelete) to the workspace as StorageBlobLogs; billed per GB ingested. Its Transaction metrics go there either way.')
param requestLogs bool = true

// The lake's layers; `raw` is the one Event Grid watches for landings.
var containerNames = [
  'raw'
  'intermediate'
  'gold'
  'metrics'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    isHnsEnabled: true
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: allowSharedKeyAccess
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: containerSoftDeleteDays
    }
  }
}

// Blob request logs, one row per request (storage-operations.kql).
var requestLogCategories = [
  'StorageRead'
  'StorageWrite'
  'StorageDelete'
]

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' existing = {
  name: logAnalyticsWorkspaceName
}

// On the blob service, not the account: its metrics carry the blob API's transactions and latency, and its
// logs are the blob requests. Diagnostic settings have no GA API version with metric categories (the GA
// 2016-09-01 is the classic `service` schema), so this is the one preview version in the templates.
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'lake-to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: workspace.id
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
    logs: [
      for category in requestLogCategories: {
        category: category
        enabled: requestLogs
      }
    ]
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

@description('Resource id of the account.')
output id string = storage.id

@description('Name of the account.')
output name string = storage.name

@description('The lake as medallion addresses it (MEDALLION_LAKE): the blob endpoint without a trailing slash.')
output lakeUrl string = 'https://${storage.name}.blob.${environment().suffixes.storage}'

@description('The Data Lake (dfs) endpoint.')
output dfsEndpoint string = storage.properties.primaryEndpoints.dfs

@description('The containers created.')
output containerNames array = [for i in range(0, length(containerNames)): containers[i].name]
