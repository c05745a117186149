/**
 * The span names and attribute keys the framework emits: the one documented list that dashboards and
 * queries may rely on (README.md's tables mirror it, and a test keeps them in step). Renaming one here is a
 * breaking change for them.
 */

/** Kind SERVER: one Application Insights request per run. */
export const SPAN_RUN = 'medallion.run';
/** Kind INTERNAL; the span name is `medallion.materialize <asset key>[ [partition]]`. */
export const SPAN_MATERIALIZE = 'medallion.materialize';
/** Kind INTERNAL; the span name is `medallion.step <step id>`. */
export const SPAN_STEP = 'medallion.step';
/** Kind INTERNAL; the span name is `medallion.storage.<operation>` (get, stat, put, delete, list, lock). */
export const SPAN_STORAGE = 'medallion.storage';

export const ATTR_RUN_ID = 'medallion.run_id';
export const ATTR_SELECTION = 'medallion.selection';
export const ATTR_RUN_STATUS = 'medallion.run.status';
export const ATTR_ASSET_KEY = 'medallion.asset.key';
export const ATTR_ASSET_LAYER = 'medallion.asset.layer';
export const ATTR_PARTITION = 'medallion.partition';
export const ATTR_CODE_VERSION = 'medallion.code_version';
export const ATTR_DATA_VERSION = 'medallion.data_version';
export const ATTR_STALE_CAUSES = 'medallion.stale_causes';
export const ATTR_OUTCOME = 'medallion.outcome';
export const ATTR_ATTEMPT = 'medallion.attempt';
export const ATTR_ROWS = 'medallion.rows';
export const ATTR_QUARANTINED = 'medallion.quarantined';
export const ATTR_BYTES = 'medallion.bytes';
export const ATTR_STEP_ID = 'medallion.step.id';
export const ATTR_STEP_REPLAYED = 'medallion.step.replayed';
export const ATTR_STORAGE_PATH = 'medallion.storage.path';
export const ATTR_STORAGE_FOUND = 'medallion.storage.found';
export const ATTR_STORAGE_COUNT = 'medallion.storage.count';
export const ATTR_STORAGE_CONFLICT = 'medallion.storage.conflict';
