// The schemas of the Log Analytics tables the workbook's queries read, as `(Column:type, …)` for
// Kusto.Language. Transcribed from the Azure Monitor Logs table reference (learn.microsoft.com/azure/
// azure-monitor/reference/tables/<table>; MicrosoftDocs/azure-monitor-docs, articles/azure-monitor/reference/
// tables/*.md, 2025–2026), leaving out the client-device and user columns spans never fill. A column a query
// reads that is not listed here fails tests/infra/workbook.test.ts.

const APP_COMMON = [
  'TimeGenerated:datetime', 'Id:string', 'Name:string', 'OperationId:string', 'OperationName:string', 'ParentId:string',
  'Properties:dynamic', 'Measurements:dynamic', 'ItemCount:int', 'AppRoleName:string', 'AppRoleInstance:string', 'AppVersion:string',
  'SDKVersion:string', 'SessionId:string', 'SyntheticSource:string', 'IKey:string', 'ResourceGUID:string', 'ReferencedItemId:string',
  'ReferencedType:string', 'SourceSystem:string', 'TenantId:string', 'Type:string', '_ResourceId:string', '_SubscriptionId:string',
  '_BilledSize:real', '_IsBillable:string',
];

const schema = (columns: readonly string[]) => `(${columns.join(', ')})`;

export const WORKSPACE_TABLES: Readonly<Record<string, string>> = {
  AppRequests: schema([...APP_COMMON, 'DurationMs:real', 'Success:bool', 'ResultCode:string', 'Url:string', 'Source:string']),
  AppDependencies: schema([...APP_COMMON, 'DurationMs:real', 'Success:bool', 'ResultCode:string', 'DependencyType:string', 'Target:string', 'Data:string']),
  AppExceptions: schema([
    ...APP_COMMON.filter((column) => !column.startsWith('Name:') && !column.startsWith('Id:') && !column.startsWith('Referenced')),
    'ExceptionType:string', 'ProblemId:string', 'HandledAt:string', 'Assembly:string', 'Method:string', 'Message:string', 'Details:dynamic',
    'OuterType:string', 'OuterMessage:string', 'OuterAssembly:string', 'OuterMethod:string', 'InnermostType:string', 'InnermostMessage:string',
    'InnermostAssembly:string', 'InnermostMethod:string', 'SeverityLevel:int',
  ]),
  AzureMetrics: schema([
    'TimeGenerated:datetime', 'ResourceId:string', '_ResourceId:string', 'ResourceProvider:string', 'ResourceGroup:string', 'Resource:string',
    'SubscriptionId:string', 'MetricName:string', 'Total:real', 'Count:real', 'Average:real', 'Maximum:real', 'Minimum:real', 'TimeGrain:string',
    'UnitName:string', 'SourceSystem:string', 'Type:string', '_BilledSize:real', '_IsBillable:string', '_SubscriptionId:string',
  ]),
  StorageBlobLogs: schema([
    'TimeGenerated:datetime', 'AccountName:string', 'Location:string', 'Category:string', 'OperationName:string', 'OperationVersion:string',
    'OperationCount:int', 'StatusCode:string', 'StatusText:string', 'DurationMs:real', 'ServerLatencyMs:real', 'Uri:string', 'ObjectKey:string',
    'CallerIpAddress:string', 'AuthenticationType:string', 'RequesterObjectId:string', 'RequesterAppId:string', 'RequesterUpn:string',
    'RequesterTenantId:string', 'UserAgentHeader:string', 'ClientRequestId:string', 'CorrelationId:string', 'ConditionsUsed:string', 'Etag:string',
    'LastModifiedTime:datetime', 'Protocol:string', 'ServiceType:string', 'AccessTier:string', 'RequestHeaderSize:long', 'RequestBodySize:long',
    'ResponseHeaderSize:long', 'ResponseBodySize:long', 'ContentLengthHeader:long', 'TlsVersion:string', 'SchemaVersion:string',
    'SourceSystem:string', 'TenantId:string', 'Type:string', '_ResourceId:string', '_SubscriptionId:string', '_BilledSize:real', '_IsBillable:string',
  ]),
  Usage: schema([
    'TimeGenerated:datetime', 'StartTime:datetime', 'EndTime:datetime', 'DataType:string', 'Solution:string', 'Quantity:real', 'QuantityUnit:string',
    'IsBillable:bool', 'MeterId:string', 'ResourceUri:string', 'SourceSystem:string', 'Type:string', '_BilledSize:real', '_IsBillable:string',
  ]),
};
