/**
 * The Inngest wiring (`medallion/inngest`): the app of a graph (client, one function per asset, the handler for
 * `/api/inngest`), the medallion events and the functions' settings. A thin entry: everything lives in
 * server/inngest/. See docs/inngest.md.
 */
export { createInngestApp, INNGEST_APP_ID, type InngestApp, type InngestAppOptions } from './server/inngest/inngest-app.ts';
export {
  assetMaterialized, assetMaterializedSchema, assetRequested, assetRequestedSchema, rawLanded, rawLandedSchema,
} from './server/inngest/events.ts';
export type { AssetMaterialized, AssetRequested, RawLanded } from './server/inngest/events.ts';
export { assetFunctionId, functionOptionsFromEnvironment } from './server/inngest/function-config.ts';
export { currentTraceparent } from './server/inngest/trace-context.ts';
