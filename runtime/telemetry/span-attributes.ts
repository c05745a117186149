/**
 * The span names and attribute keys the framework emits: the one documented list that dashboards and
 * queries may rely on. Renaming one here is a breaking change for them.
 */

export const SPAN_RUN = 'medallion.run';
export const SPAN_MATERIALIZE = 'medallion.materialize';
export const SPAN_STEP = 'medallion.step';

export const ATTR_RUN_ID = 'medallion.run_id';
export const ATTR_SELECTION = 'medallion.selection';
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
