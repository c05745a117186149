/**
 * The span names and attribute keys medallion emits, with each attribute's type and the spans that carry
 * it: the one documented list that the workbook's queries (infra/queries/) and any dashboard may rely on.
 * README.md's tables mirror it and tests keep them in step, check the spans a real run emits against it,
 * and check the queries use only these keys. Renaming one here is a breaking change for them.
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

// The source clients' HTTP spans: OpenTelemetry's HTTP client conventions plus medallion's own.
export const ATTR_SOURCE = 'medallion.source';
export const ATTR_RATE_LIMIT_WAITED_MS = 'medallion.rate_limit.waited_ms';
export const ATTR_RETRY_DELAY_MS = 'medallion.retry.delay_ms';
export const ATTR_HTTP_REQUEST_METHOD = 'http.request.method';
export const ATTR_URL_FULL = 'url.full';
export const ATTR_HTTP_REQUEST_RESEND_COUNT = 'http.request.resend_count';
export const ATTR_HTTP_RESPONSE_STATUS_CODE = 'http.response.status_code';
export const ATTR_ERROR_TYPE = 'error.type';

/**
 * The type a value has on the span. OTLP keeps it (an `int` is an integer, a `double` any number); Application
 * Insights turns every value into a string in `Properties` / `customDimensions`, a `string[]` into a JSON
 * array, so a query converts each one back (`tostring`, `tolong`, `toreal`, `tobool`, `todynamic`).
 */
export type SpanAttributeType = 'string' | 'int' | 'double' | 'boolean' | 'string[]';

/**
 * The spans of README.md's table: `run` (`medallion.run`), `materialize`, `step`, `storage` (`medallion.storage.*`)
 * and `http`, a source client's HTTP attempt (`TMDB GET`, `Discogs GET`).
 */
export type DocumentedSpan = 'run' | 'materialize' | 'step' | 'storage' | 'http';

export interface SpanAttributeSpec {
  readonly type: SpanAttributeType;
  /** The spans that carry it; some only in some cases (README.md says which). */
  readonly spans: readonly DocumentedSpan[];
}

/** Every documented attribute, by key. */
export const SPAN_ATTRIBUTES: Readonly<Record<string, SpanAttributeSpec>> = {
  [ATTR_RUN_ID]: { type: 'string', spans: ['run', 'materialize'] },
  [ATTR_SELECTION]: { type: 'string', spans: ['run'] },
  [ATTR_RUN_STATUS]: { type: 'string', spans: ['run'] },
  [ATTR_ASSET_KEY]: { type: 'string', spans: ['materialize', 'step'] },
  [ATTR_ASSET_LAYER]: { type: 'string', spans: ['materialize'] },
  [ATTR_PARTITION]: { type: 'string', spans: ['materialize', 'step'] },
  [ATTR_CODE_VERSION]: { type: 'string', spans: ['materialize'] },
  [ATTR_DATA_VERSION]: { type: 'string', spans: ['materialize'] },
  [ATTR_STALE_CAUSES]: { type: 'string[]', spans: ['materialize'] },
  [ATTR_OUTCOME]: { type: 'string', spans: ['materialize'] },
  [ATTR_ATTEMPT]: { type: 'int', spans: ['materialize'] },
  [ATTR_ROWS]: { type: 'int', spans: ['materialize'] },
  [ATTR_QUARANTINED]: { type: 'int', spans: ['materialize'] },
  [ATTR_BYTES]: { type: 'int', spans: ['materialize', 'storage'] },
  [ATTR_STEP_ID]: { type: 'string', spans: ['step'] },
  [ATTR_STEP_REPLAYED]: { type: 'boolean', spans: ['step'] },
  [ATTR_STORAGE_PATH]: { type: 'string', spans: ['storage'] },
  [ATTR_STORAGE_FOUND]: { type: 'boolean', spans: ['storage'] },
  [ATTR_STORAGE_COUNT]: { type: 'int', spans: ['storage'] },
  [ATTR_STORAGE_CONFLICT]: { type: 'boolean', spans: ['storage'] },
  [ATTR_SOURCE]: { type: 'string', spans: ['http'] },
  [ATTR_RATE_LIMIT_WAITED_MS]: { type: 'int', spans: ['http'] },
  [ATTR_RETRY_DELAY_MS]: { type: 'int', spans: ['http'] },
  [ATTR_HTTP_REQUEST_METHOD]: { type: 'string', spans: ['http'] },
  [ATTR_URL_FULL]: { type: 'string', spans: ['http'] },
  [ATTR_HTTP_REQUEST_RESEND_COUNT]: { type: 'int', spans: ['http'] },
  [ATTR_HTTP_RESPONSE_STATUS_CODE]: { type: 'int', spans: ['http'] },
  [ATTR_ERROR_TYPE]: { type: 'string', spans: ['http'] },
};
