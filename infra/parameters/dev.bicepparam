// dev: small, scales to zero, the built-in TMDB + Discogs emulator as source, no purge protection.
// Secrets and per-run choices come from the environment of the shell running `az deployment group create`
// (infra/README.md); readEnvironmentVariable without a default fails the build when the variable is unset.
using '../main.bicep'

param environmentName = 'dev'
param namePrefix = 'medal'
param tags = {
  owner: 'data-platform'
}

param containerImage = readEnvironmentVariable('MEDALLION_IMAGE')
param containerRegistryName = readEnvironmentVariable('MEDALLION_REGISTRY_NAME', '')

param source = 'sample'
param minReplicas = 0
param maxReplicas = 2
param cpu = '0.5'
param concurrentRequests = 10

param storageSku = 'Standard_LRS'
param blobSoftDeleteDays = 7
param containerSoftDeleteDays = 7
param keyVaultPurgeProtection = false
param logRetentionInDays = 30

param webhookSecret = readEnvironmentVariable('MEDALLION_WEBHOOK_SECRET')
param apiToken = readEnvironmentVariable('MEDALLION_API_TOKEN')
param inngestEventKey = readEnvironmentVariable('INNGEST_EVENT_KEY', '')
param inngestSigningKey = readEnvironmentVariable('INNGEST_SIGNING_KEY', '')
param inngestBaseUrl = readEnvironmentVariable('INNGEST_BASE_URL', '')

// false on the environment's first deployment (the webhook must answer Event Grid's validation first).
param deployEventSubscription = bool(readEnvironmentVariable('MEDALLION_DEPLOY_EVENT_SUBSCRIPTION', 'true'))
param operatorPrincipalId = readEnvironmentVariable('MEDALLION_OPERATOR_PRINCIPAL_ID', '')
param operatorPrincipalType = 'User'
