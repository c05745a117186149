// Log Analytics (the Container Apps environment's console and system logs, and Application Insights'
// storage) and a workspace-based Application Insights resource that receives medallion's OpenTelemetry
// spans through APPLICATIONINSIGHTS_CONNECTION_STRING.

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights resource.')
param appInsightsName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Days logs and telemetry are kept.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    RetentionInDays: retentionInDays
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

@description('Resource id of the workspace.')
output workspaceId string = workspace.id

@description('Name of the workspace (the Container Apps environment reads its keys through an existing reference).')
output workspaceName string = workspace.name

@description('Name of the Application Insights resource.')
output appInsightsName string = appInsights.name

@description('Resource id of the Application Insights resource.')
output appInsightsId string = appInsights.id

@description('APPLICATIONINSIGHTS_CONNECTION_STRING (an ingestion endpoint and key, not a credential to read data).')
output connectionString string = appInsights.properties.ConnectionString
