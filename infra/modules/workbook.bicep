// An Azure Monitor workbook, the operators' view of medallion: pipeline health (runs, failures, durations,
// rows per layer), the sources' rate limiting and retries, the lake's storage (medallion's own storage spans,
// the account's transactions, latency and requests) and telemetry volume (cost). Every chart is one KQL file
// in infra/queries/, embedded with loadTextContent so the query lives only there and runs unchanged by hand in
// the workspace's Logs. The queries read the Log Analytics workspace (AppRequests, AppDependencies,
// AppExceptions with Properties; AzureMetrics and StorageBlobLogs from the storage diagnostic setting; Usage),
// so the workbook is linked to the workspace and every chart runs there, over the time range picked at the top.

@description('Display name of the workbook.')
param displayName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Name of the Log Analytics workspace (same resource group) that Application Insights and the storage diagnostic setting write to.')
param logAnalyticsWorkspaceName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' existing = {
  name: logAnalyticsWorkspaceName
}

// Workbook queries against a Log Analytics workspace (queryType 0: logs).
var workspaceResourceType = 'microsoft.operationalinsights/workspaces'

// One entry per chart, in page order; `heading` (markdown, or empty) opens a section above it. loadTextContent
// takes only a literal path, hence one call per file; tests/infra/workbook.test.ts checks that every file in
// infra/queries/ is here and every path exists.
var charts = [
  {
    heading: '## Pipeline health\nRuns, failures and durations from medallion\'s spans (Application Insights, workspace-based).'
    name: 'pipeline-runs'
    title: 'Pipeline runs'
    query: loadTextContent('../queries/pipeline-runs.kql')
    visualization: 'table'
    width: '100'
  }
  {
    heading: ''
    name: 'runs-per-asset'
    title: 'Runs and failures per asset'
    query: loadTextContent('../queries/runs-per-asset.kql')
    visualization: 'table'
    width: '50'
  }
  {
    heading: ''
    name: 'materialization-duration'
    title: 'Materialization time per asset (p50 / p95, seconds)'
    query: loadTextContent('../queries/materialization-duration.kql')
    visualization: 'table'
    width: '50'
  }
  {
    heading: ''
    name: 'rows-per-layer'
    title: 'Rows per layer per run'
    query: loadTextContent('../queries/rows-per-layer.kql')
    visualization: 'table'
    width: '100'
  }
  {
    heading: '## Sources\nTMDB and Discogs: every HTTP attempt of the source clients.'
    name: 'source-throttling'
    title: 'Rate-limit waits and retries per source'
    query: loadTextContent('../queries/source-throttling.kql')
    visualization: 'table'
    width: '100'
  }
  {
    heading: '## Lake storage\nmedallion\'s storage spans, then the storage account\'s own metrics and request logs.'
    name: 'storage-span-latency'
    title: 'Lake operations as medallion sees them'
    query: loadTextContent('../queries/storage-span-latency.kql')
    visualization: 'table'
    width: '100'
  }
  {
    heading: ''
    name: 'storage-transactions'
    title: 'Storage account transactions (blob service)'
    query: loadTextContent('../queries/storage-transactions.kql')
    visualization: 'timechart'
    width: '50'
  }
  {
    heading: ''
    name: 'storage-latency'
    title: 'Storage account latency, ms (blob service)'
    query: loadTextContent('../queries/storage-latency.kql')
    visualization: 'timechart'
    width: '50'
  }
  {
    heading: ''
    name: 'storage-operations'
    title: 'Blob requests by operation'
    query: loadTextContent('../queries/storage-operations.kql')
    visualization: 'table'
    width: '100'
  }
  {
    heading: '## Cost\nWhat the workspace bills for: gigabytes ingested per day and table.'
    name: 'ingestion-volume'
    title: 'Telemetry volume (billable GB per day)'
    query: loadTextContent('../queries/ingestion-volume.kql')
    visualization: 'barchart'
    width: '100'
  }
]

var intro = {
  type: 1
  name: 'intro'
  content: {
    json: '# ${displayName}\nThe queries behind each chart are in infra/queries/ of the medallion repository; open a chart\'s query to run it in Logs.'
  }
}

var timeRange = {
  type: 9
  name: 'parameters'
  content: {
    version: 'KqlParameterItem/1.0'
    style: 'pills'
    queryType: 0
    resourceType: workspaceResourceType
    parameters: [
      {
        id: guid(logAnalyticsWorkspaceName, 'medallion-workbook', 'TimeRange')
        version: 'KqlParameterItem/1.0'
        name: 'TimeRange'
        label: 'Time range'
        type: 4
        isRequired: true
        value: {
          durationMs: 86400000
        }
        typeSettings: {
          allowCustom: true
          selectableValues: [
            {
              durationMs: 3600000
            }
            {
              durationMs: 14400000
            }
            {
              durationMs: 86400000
            }
            {
              durationMs: 604800000
            }
            {
              durationMs: 2592000000
            }
          ]
        }
      }
    ]
  }
}

var chartItems = flatten([
  for chart in charts: concat(empty(chart.heading) ? [] : [
    {
      type: 1
      name: '${chart.name}-heading'
      content: {
        json: chart.heading
      }
    }
  ], [
    {
      type: 3
      name: chart.name
      customWidth: chart.width
      content: {
        version: 'KqlItem/1.0'
        title: chart.title
        query: chart.query
        size: 0
        queryType: 0
        resourceType: workspaceResourceType
        crossComponentResources: [
          workspace.id
        ]
        timeContext: {
          durationMs: 0
        }
        timeContextFromParameter: 'TimeRange'
        visualization: chart.visualization
      }
    }
  ])
])

var content = {
  version: 'Notebook/1.0'
  items: concat([
    intro
    timeRange
  ], chartItems)
  fallbackResourceIds: [
    workspace.id
  ]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // A workbook's name is a GUID; this one stays the same across deployments of the environment.
  name: guid(resourceGroup().id, logAnalyticsWorkspaceName, 'medallion-workbook')
  location: location
  // The portal shows `hidden-title` as the workbook's name in resource lists.
  tags: union(tags, {
    'hidden-title': displayName
  })
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: workspace.id
    version: 'Notebook/1.0'
    serializedData: string(content)
  }
}

@description('Resource id of the workbook.')
output id string = workbook.id

@description('Name (a GUID) of the workbook.')
output name string = workbook.name

@description('The workbook in the Azure portal.')
output portalUrl string = '${environment().portal}/#resource${workbook.id}/workbook'
