// The user-assigned managed identity `medallion serve` runs as. It exists before the app, so its role
// assignments (storage, Key Vault) can be in place when the app's first revision resolves its Key Vault
// references. The app sets AZURE_CLIENT_ID to its client id so DefaultAzureCredential picks it.

@description('Name of the identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id (the app\'s identity block and its Key Vault references name it).')
output id string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Object id of its service principal (role assignments).')
output principalId string = identity.properties.principalId

@description('Client id (AZURE_CLIENT_ID for DefaultAzureCredential).')
output clientId string = identity.properties.clientId
