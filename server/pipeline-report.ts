/**
 * What the runs page reports about the pipeline's latest data, read from the heads: the rows of each stage
 * (films → releases → candidates → matches) and the score distribution of the latest `gold/matches` with the
 * acceptance threshold that materialization recorded. Run history is not here (see the `/runs` routes).
 */
import { type AnyAsset, type AssetGraph, type Storage } from '../runtime/index.ts';
import { headsFingerprint, readCommittedTable, slotsOf, type CommittedMaterialization, type Ledger } from '../runtime/internal.ts';

/** The stages, upstream first: the assets whose rows the funnel shows. */
export const REPORT_STAGES = [
  { stage: 'films', asset: 'intermediate/tmdb_movies' },
  { stage: 'releases', asset: 'intermediate/discogs_releases' },
  { stage: 'candidates', asset: 'intermediate/candidates' },
  { stage: 'matches', asset: 'gold/matches' },
] as const;

export const MATCHES_ASSET = 'gold/matches';
/** gold/matches records its acceptance threshold under this metadata key (assets/gold/matches.ts). */
export const THRESHOLD_METADATA_KEY = 'score_threshold';

export interface StageCount {
  readonly stage: string;
  readonly asset: string;
  /** Rows of the latest materialization (summed over partitions); null when never materialized or not in the graph. */
  readonly rows: number | null;
  readonly materializationId: string | null;
  readonly runId: string | null;
  readonly finishedAt: string | null;
}

export interface ScoreBin {
  /** Inclusive lower edge; the last bin also includes its upper edge. */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** Rows of the bin with `is_match`. */
  readonly matches: number;
}

export interface ScoreHistogram {
  readonly asset: string;
  readonly materializationId: string;
  readonly runId: string;
  readonly finishedAt: string;
  readonly rows: number;
  readonly matches: number;
  /** The threshold the materialization recorded in its metadata; null when it recorded none. */
  readonly threshold: number | null;
  readonly binWidth: number;
  readonly bins: readonly ScoreBin[];
}

/**
 * What the report is read from: the heads of its stages (gold/matches' names its data file, which no later
 * commit rewrites), for `AnswerCache`.
 */
export function reportFingerprint(graph: AssetGraph, lake: Storage): Promise<string> {
  const stages = REPORT_STAGES.map((stage) => stage.asset).filter((key) => graph.has(key));
  return headsFingerprint(lake, slotsOf(graph, stages));
}

/** The latest rows of each stage. */
export async function stageCounts(graph: AssetGraph, ledger: Ledger): Promise<StageCount[]> {
  return Promise.all(REPORT_STAGES.map(async ({ stage, asset }): Promise<StageCount> => {
    const heads = graph.has(asset) ? await headsOf(graph.get(asset), ledger) : [];
    if (heads.length === 0) return { stage, asset, rows: null, materializationId: null, runId: null, finishedAt: null };
    const latest = heads.reduce((a, b) => (a.finishedAt >= b.finishedAt ? a : b));
    const rows = heads.reduce((sum, head) => sum + head.rows, 0);
    return { stage, asset, rows, materializationId: latest.id, runId: latest.runId, finishedAt: latest.finishedAt };
  }));
}

/** The `score` and `is_match` columns of a gold/matches data file (rows without a finite score left out). */
export interface ScoreColumns {
  readonly rows: number;
  readonly scores: readonly number[];
  readonly matched: readonly boolean[];
}

/** The score columns of a head's data file, or null when it has no `score` column. */
export type ReadScoreColumns = (ledger: Ledger, head: CommittedMaterialization) => Promise<ScoreColumns | null>;

/**
 * Reads the head's data file through the integrity check (a damaged or missing file is a `DataCorruptError`
 * naming the repair) and decodes it: the Parquet decoding is the report's one heavy step.
 */
export async function decodeScoreColumns(ledger: Ledger, head: CommittedMaterialization): Promise<ScoreColumns | null> {
  const table = await readCommittedTable(ledger.storage, head);
  const scoreColumn = table.getChild('score');
  const matchColumn = table.getChild('is_match');
  if (scoreColumn === null) return null;
  const scores: number[] = [];
  const matched: boolean[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const score: unknown = scoreColumn.get(i);
    if (typeof score !== 'number' || !Number.isFinite(score)) continue;
    scores.push(score);
    matched.push(matchColumn?.get(i) === true);
  }
  return { rows: table.numRows, scores, matched };
}

/**
 * Keeps the columns of the last file read: a committed data file is never rewritten, so every bin width, and
 * every report whose gold/matches did not change, reuses them instead of decoding the file again.
 */
export function lastScoreColumns(read: ReadScoreColumns = decodeScoreColumns): ReadScoreColumns {
  let last: { path: string | null; columns: Promise<ScoreColumns | null> } | undefined;
  return (ledger, head) => {
    const path = head.files.data;
    if (last !== undefined && last.path === path) return last.columns;
    const columns = read(ledger, head);
    const entry = { path, columns };
    last = entry;
    columns.catch(() => {
      if (last === entry) last = undefined;
    });
    return columns;
  };
}

/**
 * The `score` column of the latest gold/matches in bins of `binWidth`, split by `is_match`; null when the
 * asset is not in the graph, has never been materialized, or has no `score` column.
 */
export async function scoreHistogram(graph: AssetGraph, ledger: Ledger, binWidth: number, readColumns: ReadScoreColumns = decodeScoreColumns): Promise<ScoreHistogram | null> {
  if (!graph.has(MATCHES_ASSET) || graph.get(MATCHES_ASSET).partitions !== undefined) return null;
  const head = (await ledger.readHead(MATCHES_ASSET))?.record;
  if (head === undefined || head.files.data === null) return null;
  const columns = await readColumns(ledger, head);
  if (columns === null) return null;
  const recorded = head.metadata[THRESHOLD_METADATA_KEY];
  const threshold = typeof recorded === 'number' ? recorded : null;
  return {
    asset: MATCHES_ASSET,
    materializationId: head.id,
    runId: head.runId,
    finishedAt: head.finishedAt,
    rows: columns.rows,
    matches: columns.matched.filter(Boolean).length,
    threshold,
    binWidth,
    bins: binScores(columns.scores, columns.matched, binWidth, threshold),
  };
}

/**
 * Bins of `width` from the one holding the lowest score (or the threshold, if lower) up to 1 (or the highest
 * score above it); edges sit on multiples of `width`, so a threshold that is one falls between two bins.
 *
 * @example
 * binScores([0.9, 1], [false, true], 0.05, 0.88); // 0.85–0.9: 0, 0.9–0.95: 1, 0.95–1: 1 (1 match)
 */
export function binScores(scores: readonly number[], matched: readonly boolean[], width: number, threshold: number | null): ScoreBin[] {
  // Indices on the grid of multiples of `width`; the rounding keeps 0.88 / 0.02 from landing in bin 43.
  const onGrid = (value: number) => Number((value / width).toFixed(9));
  let lowest = Math.min(threshold ?? 1, 1);
  let highest = 1;
  for (const score of scores) {
    if (score < lowest) lowest = score;
    if (score > highest) highest = score;
  }
  // The bin that ends at `highest` holds it (the last bin is closed on the right).
  const last = Math.ceil(onGrid(highest)) - 1;
  const first = Math.min(Math.floor(onGrid(lowest)), last);
  const bins = Array.from({ length: last - first + 1 }, (_, i) => ({ from: edge(first + i, width), to: edge(first + i + 1, width), count: 0, matches: 0 }));
  scores.forEach((score, i) => {
    const bin = bins[Math.min(Math.floor(onGrid(score)), last) - first]!;
    bin.count += 1;
    if (matched[i] === true) bin.matches += 1;
  });
  return bins;
}

function edge(index: number, width: number): number {
  return Number((index * width).toFixed(6));
}

async function headsOf(asset: AnyAsset, ledger: Ledger): Promise<CommittedMaterialization[]> {
  const slots = asset.partitions ?? [undefined];
  const heads = await Promise.all(slots.map((partition) => ledger.readHead(asset.key, partition)));
  return heads.flatMap((head) => (head === undefined ? [] : [head.record]));
}
