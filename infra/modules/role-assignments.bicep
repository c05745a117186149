// Data-plane roles: the app's identity reads and writes the lake, reads Key Vault secrets and (with a
// registry in this resource group) pulls its image; optionally
// an operator (user or group) gets the same lake access and may set secrets. Names are guid()s of scope,
// principal and role, so redeploying is idempotent.

@description('Object id of the app\'s managed identity.')
param principalId string

@description('Name of the lake\'s storage account (same resource group).')
param storageAccountName string

@description('Name of the Key Vault (same resource group).')
param keyVaultName string

@description('Name of an Azure Container Registry in this resource group the app pulls its image from (AcrPull); empty: none.')
param containerRegistryName string = ''

@description('Object id of an operator (user, group or service principal) to grant lake access and Key Vault Secrets Officer; empty: none.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId names.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

// Built-in role definition ids (the same in every tenant).
var roles = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

// Only dereferenced (by the AcrPull assignment) when containerRegistryName is set.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: empty(containerRegistryName) ? 'none' : containerRegistryName
}

resource appLakeAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, roles.storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'medallion: the app reads and writes the lake'
  }
}

resource appSecretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'medallion: the app reads its own and the sources\' secrets'
  }
}

resource appImagePull 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(containerRegistryName)) {
  name: guid(registry.id, principalId, roles.acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'medallion: the app pulls its image'
  }
}

resource operatorLakeAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(storage.id, operatorPrincipalId, roles.storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    description: 'medallion: an operator lands files in raw and inspects the lake'
  }
}

resource operatorSecretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    description: 'medallion: an operator sets the TMDB and Discogs secrets'
  }
}

@description('Ids of the app\'s role assignments (lake, Key Vault).')
output appRoleAssignmentIds array = [
  appLakeAccess.id
  appSecretsAccess.id
]
