// Event Grid: a system topic on the lake's storage account and a webhook subscription that delivers
// BlobCreated for files committed under a `landing/` folder of the `raw` container to the app's
// /webhooks/eventgrid?code=<secret>. Creating or updating the subscription makes Event Grid validate the
// endpoint (a SubscriptionValidationEvent the app must answer within 30 s), so the app must be running,
// ready and configured with the same secret first: deploySubscription=false until it is (infra/README.md).

@description('Name of the system topic.')
param systemTopicName string

@description('Azure region (the storage account\'s).')
param location string

@description('Tags for every resource.')
param tags object

@description('Name of the lake\'s storage account (same resource group).')
param storageAccountName string

@description('Create the webhook subscription (the app must already answer the validation handshake).')
param deploySubscription bool = true

@description('Name of the event subscription (Event Grid sends it as aeg-subscription-name).')
param subscriptionName string = 'raw-landed'

@description('Base URL of the app, e.g. https://ca-medal-prod.<environment domain>.')
param webhookBaseUrl string

@description('MEDALLION_WEBHOOK_SECRET, sent as ?code= in the endpoint URL.')
@secure()
param webhookSecret string

@description('Deliver only blobs under a `landing/` folder (raw/<asset>/landing/…, raw/<asset>/p=<partition>/landing/…); false: every blob in raw.')
param landingOnly bool = true

@description('Delivery attempts before an event is dropped.')
@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 30

@description('Minutes an undelivered event is kept retrying.')
@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

// Blob subjects read /blobServices/default/containers/<container>/blobs/<path>.
var rawBlobsSubject = '/blobServices/default/containers/raw/blobs/'

// APIs that create a fully committed blob. With a hierarchical namespace a Data Lake upload also sends
// BlobCreated for CreateFile (an empty file) before FlushWithClose commits it; that one is left out.
var committedBlobApis = [
  'PutBlob'
  'PutBlockList'
  'CopyBlob'
  'FlushWithClose'
  'SftpCommit'
]

var apiFilter = [
  {
    operatorType: 'StringIn'
    key: 'data.api'
    values: committedBlobApis
  }
]

var landingFilter = landingOnly ? [
  {
    operatorType: 'StringContains'
    key: 'Subject'
    values: [
      '/landing/'
    ]
  }
] : []

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource rawLanded 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = if (deploySubscription) {
  parent: systemTopic
  name: subscriptionName
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: '${webhookBaseUrl}/webhooks/eventgrid?code=${uriComponent(webhookSecret)}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: rawBlobsSubject
      isSubjectCaseSensitive: true
      enableAdvancedFilteringOnArrays: true
      advancedFilters: concat(apiFilter, landingFilter)
    }
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
  }
}

@description('Resource id of the system topic.')
output systemTopicId string = systemTopic.id

@description('Name of the system topic.')
output systemTopicName string = systemTopic.name

@description('Name of the event subscription, or empty when it was not deployed.')
output subscriptionName string = deploySubscription ? subscriptionName : ''
