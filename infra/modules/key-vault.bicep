// Key Vault with RBAC authorization (no access policies). It holds the source credentials the pipeline
// reads at run time (tmdb-api-key, tmdb-read-access-token, discogs-token, discogs-user-agent; set by an
// operator, never by this template) and the app's own secrets, which this template writes from secure
// parameters so the Container App can reference them.

@description('Vault name (3-24 letters, digits and hyphens, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Purge protection. Once on it cannot be turned off; leave off only for throwaway environments.')
param enablePurgeProtection bool = true

@description('Days a deleted vault or secret stays recoverable (fixed once the vault exists).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('MEDALLION_WEBHOOK_SECRET: the `code` Event Grid presents to /webhooks/eventgrid.')
@secure()
param webhookSecret string

@description('MEDALLION_API_TOKEN: the bearer token for POST /assets/:key/materialize.')
@secure()
param apiToken string

@description('INNGEST_EVENT_KEY; empty: not stored, and the app gets no such variable.')
@secure()
param inngestEventKey string = ''

@description('INNGEST_SIGNING_KEY; empty: not stored, and the app gets no such variable.')
@secure()
param inngestSigningKey string = ''

// Names of the secrets in the vault (lowercase, hyphens), so the app can reference them.
var names = {
  webhookSecret: 'medallion-webhook-secret'
  apiToken: 'medallion-api-token'
  inngestEventKey: 'inngest-event-key'
  inngestSigningKey: 'inngest-signing-key'
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The service refuses `false` here; omit the property instead.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource webhookSecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: names.webhookSecret
  properties: {
    value: webhookSecret
    contentType: 'text/plain'
  }
}

resource apiTokenEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: names.apiToken
  properties: {
    value: apiToken
    contentType: 'text/plain'
  }
}

resource inngestEventKeyEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(inngestEventKey)) {
  parent: vault
  name: names.inngestEventKey
  properties: {
    value: inngestEventKey
    contentType: 'text/plain'
  }
}

resource inngestSigningKeyEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(inngestSigningKey)) {
  parent: vault
  name: names.inngestSigningKey
  properties: {
    value: inngestSigningKey
    contentType: 'text/plain'
  }
}

@description('Resource id of the vault.')
output id string = vault.id

@description('Name of the vault.')
output name string = vault.name

@description('The vault URL (AZURE_KEY_VAULT_URL), with a trailing slash.')
output uri string = vault.properties.vaultUri

// The Inngest URLs are given even when those secrets were not stored (an output may not depend on a secure
// parameter); the caller knows whether it passed them.
@description('Versionless URLs of the app\'s secrets (a Container App picks up new versions by itself).')
output referenceUris object = {
  webhookSecret: '${vault.properties.vaultUri}secrets/${names.webhookSecret}'
  apiToken: '${vault.properties.vaultUri}secrets/${names.apiToken}'
  inngestEventKey: '${vault.properties.vaultUri}secrets/${names.inngestEventKey}'
  inngestSigningKey: '${vault.properties.vaultUri}secrets/${names.inngestSigningKey}'
}
