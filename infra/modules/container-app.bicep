// The Container App running `medallion serve --host 0.0.0.0 --port 3000`: external HTTPS ingress, the
// user-assigned identity (lake, Key Vault, registry pull), secrets as Key Vault references, probes on
// /healthz (startup, liveness) and /readyz (readiness: the lake answers), HTTP-concurrency scaling.

@description('Name of the app (2-32 lowercase letters, digits and hyphens).')
@minLength(2)
@maxLength(32)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Resource id of the Container Apps environment.')
param environmentId string

@description('Container image with medallion installed, e.g. myregistry.azurecr.io/medallion:1.2.0.')
param image string

@description('Command that starts the medallion executable inside the image; empty: the image\'s ENTRYPOINT.')
param command array = [
  'node'
  'server/bin.mjs'
]

@description('Registry to pull from with the app\'s identity (it needs AcrPull there, assigned before the app), e.g. myregistry.azurecr.io; empty: a public image.')
param registryServer string = ''

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of that identity (AZURE_CLIENT_ID).')
param identityClientId string

@description('MEDALLION_LAKE: the storage account\'s blob endpoint.')
param lakeUrl string

@description('AZURE_KEY_VAULT_URL: where the pipeline reads the TMDB and Discogs credentials.')
param keyVaultUri string

@description('Versionless Key Vault URLs of the app\'s secrets: { webhookSecret, apiToken, inngestEventKey, inngestSigningKey }.')
param keyVaultReferenceUris object

@description('Whether the vault holds inngest-event-key (INNGEST_EVENT_KEY is set only then).')
param inngestEventKeyStored bool = false

@description('Whether the vault holds inngest-signing-key (INNGEST_SIGNING_KEY is set only then).')
param inngestSigningKeyStored bool = false

@description('INNGEST_BASE_URL for a self-hosted Inngest server; empty: Inngest Cloud.')
param inngestBaseUrl string = ''

@description('Name of the Application Insights resource (same resource group) whose connection string the app exports spans to.')
param appInsightsName string

@description('Environment name, exported with every span as the deployment.environment resource attribute.')
param environmentName string

@description('MEDALLION_SOURCE: `live` (TMDB and Discogs, credentials from Key Vault) or `sample` (the in-process emulator).')
@allowed([
  'live'
  'sample'
])
param source string = 'live'

@description('Fewest replicas; 0 lets the app scale to zero (the first request then waits for a cold start).')
@minValue(0)
@maxValue(300)
param minReplicas int = 1

@description('Most replicas.')
@minValue(1)
@maxValue(300)
param maxReplicas int = 3

@description('Concurrent HTTP requests per replica before another replica is added.')
@minValue(1)
param concurrentRequests int = 10

@description('vCPUs per replica; memory follows (2 GiB per vCPU), as the Consumption profile requires.')
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

@description('More plain environment variables, [{ name, value }] (e.g. MEDALLION_TMDB_PAGES).')
param additionalEnv array = []

var port = 3000

var memoryByCpu = {
  '0.25': '0.5Gi'
  '0.5': '1Gi'
  '0.75': '1.5Gi'
  '1': '2Gi'
  '1.25': '2.5Gi'
  '1.5': '3Gi'
  '1.75': '3.5Gi'
  '2': '4Gi'
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Container App secrets resolved from Key Vault with the app's identity (re-read about every 30 minutes).
var vaultSecrets = [
  {
    name: 'webhook-secret'
    keyVaultUrl: keyVaultReferenceUris.webhookSecret
    identity: identityId
  }
  {
    name: 'api-token'
    keyVaultUrl: keyVaultReferenceUris.apiToken
    identity: identityId
  }
]

var inngestEventKeySecret = inngestEventKeyStored ? [
  {
    name: 'inngest-event-key'
    keyVaultUrl: keyVaultReferenceUris.inngestEventKey
    identity: identityId
  }
] : []

var inngestSigningKeySecret = inngestSigningKeyStored ? [
  {
    name: 'inngest-signing-key'
    keyVaultUrl: keyVaultReferenceUris.inngestSigningKey
    identity: identityId
  }
] : []

var appEnv = [
  {
    name: 'MEDALLION_LAKE'
    value: lakeUrl
  }
  {
    name: 'MEDALLION_SOURCE'
    value: source
  }
  {
    name: 'AZURE_CLIENT_ID'
    value: identityClientId
  }
  {
    name: 'AZURE_KEY_VAULT_URL'
    value: keyVaultUri
  }
  {
    // Not a credential (it only lets one send telemetry), so a plain variable.
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsights.properties.ConnectionString
  }
  {
    name: 'OTEL_RESOURCE_ATTRIBUTES'
    value: 'deployment.environment=${environmentName}'
  }
  {
    name: 'MEDALLION_WEBHOOK_SECRET'
    secretRef: 'webhook-secret'
  }
  {
    name: 'MEDALLION_API_TOKEN'
    secretRef: 'api-token'
  }
]

var inngestEventKeyEnv = inngestEventKeyStored ? [
  {
    name: 'INNGEST_EVENT_KEY'
    secretRef: 'inngest-event-key'
  }
] : []

var inngestSigningKeyEnv = inngestSigningKeyStored ? [
  {
    name: 'INNGEST_SIGNING_KEY'
    secretRef: 'inngest-signing-key'
  }
] : []

var inngestBaseUrlEnv = empty(inngestBaseUrl) ? [] : [
  {
    name: 'INNGEST_BASE_URL'
    value: inngestBaseUrl
  }
]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
        traffic: [
          {
            latestRevision: true
            weight: 100
          }
        ]
      }
      registries: empty(registryServer) ? [] : [
        {
          server: registryServer
          identity: identityId
        }
      ]
      secrets: concat(vaultSecrets, inngestEventKeySecret, inngestSigningKeySecret)
    }
    template: {
      containers: [
        {
          name: 'medallion'
          image: image
          command: empty(command) ? null : command
          args: [
            'serve'
            '--host'
            '0.0.0.0'
            '--port'
            string(port)
          ]
          resources: {
            cpu: json(cpu)
            memory: memoryByCpu[cpu]
          }
          env: concat(appEnv, inngestEventKeyEnv, inngestSigningKeyEnv, inngestBaseUrlEnv, additionalEnv)
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: port
                scheme: 'HTTP'
              }
              initialDelaySeconds: 2
              periodSeconds: 3
              timeoutSeconds: 2
              failureThreshold: 10
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: port
                scheme: 'HTTP'
              }
              periodSeconds: 10
              timeoutSeconds: 3
              failureThreshold: 3
            }
            {
              // /readyz lists the lake with a 5 s deadline of its own.
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: port
                scheme: 'HTTP'
              }
              periodSeconds: 10
              timeoutSeconds: 6
              failureThreshold: 3
              successThreshold: 1
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequests)
              }
            }
          }
        ]
      }
    }
  }
}

@description('Resource id of the app.')
output id string = app.id

@description('Name of the app.')
output name string = app.name

@description('The app\'s host name.')
output fqdn string = app.properties.configuration.ingress.fqdn

@description('The app\'s base URL.')
output url string = 'https://${app.properties.configuration.ingress.fqdn}'

@description('The revision this deployment created or kept.')
output latestRevisionName string = app.properties.latestRevisionName
