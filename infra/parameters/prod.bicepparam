// prod: always one replica warm (Inngest steps and Event Grid deliveries never wait for a cold start),
// live TMDB + Discogs sources (credentials set in Key Vault by an operator), zone-redundant storage,
// purge protection, longer retention. Secrets come from the deploying shell's environment (infra/README.md).
using '../main.bicep'

param environmentName = 'prod'
param namePrefix = 'medal'
param tags = {
  owner: 'data-platform'
  criticality: 'high'
}

param containerImage = readEnvironmentVariable('MEDALLION_IMAGE')
param containerRegistryName = readEnvironmentVariable('MEDALLION_REGISTRY_NAME', '')

param source = 'live'
param minReplicas = 1
param maxReplicas = 5
param cpu = '1'
param concurrentRequests = 10

param storageSku = 'Standard_ZRS'
param blobSoftDeleteDays = 30
param containerSoftDeleteDays = 30
param keyVaultPurgeProtection = true
param logRetentionInDays = 90

param webhookSecret = readEnvironmentVariable('MEDALLION_WEBHOOK_SECRET')
param apiToken = readEnvironmentVariable('MEDALLION_API_TOKEN')
param inngestEventKey = readEnvironmentVariable('INNGEST_EVENT_KEY', '')
param inngestSigningKey = readEnvironmentVariable('INNGEST_SIGNING_KEY', '')
param inngestBaseUrl = readEnvironmentVariable('INNGEST_BASE_URL', '')

// false on the environment's first deployment (the webhook must answer Event Grid's validation first).
param deployEventSubscription = bool(readEnvironmentVariable('MEDALLION_DEPLOY_EVENT_SUBSCRIPTION', 'true'))
param operatorPrincipalId = readEnvironmentVariable('MEDALLION_OPERATOR_PRINCIPAL_ID', '')
param operatorPrincipalType = 'Group'
