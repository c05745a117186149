/**
 * What the runs page reports about the pipeline's latest data, read from the heads and from what the assets
 * declare (`report` in `defineAsset`): the rows of each stage, in graph order (for this pipeline films →
 * releases → candidates → matches), and the distribution of the score column of the asset that declares one
 * (`gold/matches`), with the acceptance threshold that materialization recorded. Run history is not here (see
 * the `/runs` routes).
 */
import { type AnyAsset, type AssetGraph, type Storage } from '../runtime/index.ts';
import { headsFingerprint, readCommittedTable, slotsOf, type CommittedMaterialization, type Ledger } from '../runtime/internal.ts';

/** A stage of the funnel: an asset that declares `report.stage`. */
export interface ReportStage {
  readonly stage: string;
  readonly asset: string;
}

/** The stages, upstream first (graph order): the assets whose rows the funnel shows. */
export function reportStages(graph: AssetGraph): ReportStage[] {
  return graph.assets().flatMap((asset) => (asset.report === undefined ? [] : [{ stage: asset.report.stage, asset: asset.key }]));
}

/** Where the histogram is read from: the last unpartitioned asset (in graph order) that declares a score column. */
interface ScoreSource {
  readonly asset: string;
  readonly column: string;
  readonly acceptedColumn: string | undefined;
  readonly thresholdMetadataKey: string | undefined;
}

function scoreSourceOf(graph: AssetGraph): ScoreSource | undefined {
  const asset = graph.assets().findLast((candidate) => candidate.report?.score !== undefined && candidate.partitions === undefined);
  const score = asset?.report?.score;
  if (asset === undefined || score === undefined) return undefined;
  return { asset: asset.key, column: score.column, acceptedColumn: score.acceptedColumn, thresholdMetadataKey: score.thresholdMetadataKey };
}

export interface StageCount {
  readonly stage: string;
  readonly asset: string;
  /** Rows of the latest materialization (summed over partitions); null when never materialized. */
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
  /** Rows of the bin that the accepted column (`is_match` for gold/matches) marks. */
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
  return headsFingerprint(lake, slotsOf(graph, reportStages(graph).map((stage) => stage.asset)));
}

/** The latest rows of each stage. */
export async function stageCounts(graph: AssetGraph, ledger: Ledger): Promise<StageCount[]> {
  return Promise.all(reportStages(graph).map(async ({ stage, asset }): Promise<StageCount> => {
    const heads = await headsOf(graph.get(asset), ledger);
    if (heads.length === 0) return { stage, asset, rows: null, materializationId: null, runId: null, finishedAt: null };
    const latest = heads.reduce((a, b) => (a.finishedAt >= b.finishedAt ? a : b));
    const rows = heads.reduce((sum, head) => sum + head.rows, 0);
    return { stage, asset, rows, materializationId: latest.id, runId: latest.runId, finishedAt: latest.finishedAt };
  }));
}

/** The score and accepted columns of a data file (rows without a finite score left out). */
export interface ScoreColumns {
  readonly rows: number;
  readonly scores: readonly number[];
  readonly matched: readonly boolean[];
}

/** Which columns of the data file hold the score and, optionally, whether the row was accepted. */
export interface ScoreColumnNames {
  readonly column: string;
  readonly acceptedColumn: string | undefined;
}

/** The score columns of a head's data file, or null when it has no such score column. */
export type ReadScoreColumns = (ledger: Ledger, head: CommittedMaterialization, names: ScoreColumnNames) => Promise<ScoreColumns | null>;

/**
 * Reads the head's data file through the integrity check (a damaged or missing file is a `DataCorruptError`
 * naming the repair) and decodes it: the Parquet decoding is the report's one heavy step.
 */
export async function decodeScoreColumns(ledger: Ledger, head: CommittedMaterialization, names: ScoreColumnNames): Promise<ScoreColumns | null> {
  const table = await readCommittedTable(ledger.storage, head);
  const scoreColumn = table.getChild(names.column);
  const matchColumn = names.acceptedColumn === undefined ? null : table.getChild(names.acceptedColumn);
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
  let last: { file: string; columns: Promise<ScoreColumns | null> } | undefined;
  return (ledger, head, names) => {
    const file = JSON.stringify([head.files.data, names.column, names.acceptedColumn ?? null]);
    if (last !== undefined && last.file === file) return last.columns;
    const columns = read(ledger, head, names);
    const entry = { file, columns };
    last = entry;
    columns.catch(() => {
      if (last === entry) last = undefined;
    });
    return columns;
  };
}

/**
 * The declared score column of the latest materialization in bins of `binWidth`, split by the accepted column;
 * null when no unpartitioned asset declares a score, or it has never been materialized, or lacks the column.
 */
export async function scoreHistogram(graph: AssetGraph, ledger: Ledger, binWidth: number, readColumns: ReadScoreColumns = decodeScoreColumns): Promise<ScoreHistogram | null> {
  const source = scoreSourceOf(graph);
  if (source === undefined) return null;
  const head = (await ledger.readHead(source.asset))?.record;
  if (head === undefined || head.files.data === null) return null;
  const columns = await readColumns(ledger, head, source);
  if (columns === null) return null;
  const recorded = source.thresholdMetadataKey === undefined ? undefined : head.metadata[source.thresholdMetadataKey];
  const threshold = typeof recorded === 'number' ? recorded : null;
  return {
    asset: source.asset,
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
