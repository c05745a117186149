/**
 * `npm run eval [-- --json]`: match quality at the original scale (10,000 films) on the in-process emulator,
 * ours (gold/matches) against the ORIGINAL RULE run on the same raw rows, scored on the emulator's truth;
 * then on the hand-written real-world set. Figures only; nothing here asserts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { runOriginalRule, sparkDateYear, type OriginalRuleResult } from '../assets/matching/original-rule.ts';
import { rawDiscogsReleaseSchema } from '../assets/raw/discogs-search-rows.ts';
import { rawTmdbMovieSchema } from '../assets/raw/raw-tmdb-movies.ts';
import { createEmulator, type Emulator } from '../assets/sources/emulator/emulator-app.ts';
import { TRUTH_KINDS, yearOf } from '../assets/sources/emulator/release-draft.ts';
import { rowsFromTable, tableFromParquet } from '../runtime/data-plane.ts';
import { createLocalStorage, materialize, type RunSummary, type Storage } from '../runtime/index.ts';
import { Ledger } from '../runtime/internal.ts';
import { createGraphFromEnvironment } from '../assets/pipeline-graph.ts';
import { SAMPLE_SERVICES } from '../assets/sources/emulator/in-process-defaults.ts';

type Pair = { readonly tmdb_id: number; readonly discogs_id: number };
const key = (pair: Pair) => `${pair.tmdb_id}:${pair.discogs_id}`;
const FILMS = Number(process.env.EVAL_FILMS ?? 10_000);
const asJson = process.argv.includes('--json');
const log = (text: string) => process.stderr.write(`${text}\n`);

/** Precision, recall (all truth and landed truth), F1 and the pairs behind them. */
function score(predicted: readonly Pair[], truth: readonly Pair[], landed: ReadonlySet<number> | null) {
  const truthKeys = new Set(truth.map(key));
  const predictedKeys = new Map(predicted.map((pair) => [key(pair), pair]));
  const tp = [...predictedKeys.keys()].filter((k) => truthKeys.has(k)).length;
  const fp = [...predictedKeys.values()].filter((pair) => !truthKeys.has(key(pair)));
  const landedTruth = landed === null ? truth : truth.filter((pair) => landed.has(pair.discogs_id));
  const precision = predictedKeys.size === 0 ? 1 : tp / predictedKeys.size;
  const recall = truthKeys.size === 0 ? 1 : tp / truthKeys.size;
  const recallLanded = landedTruth.length === 0 ? 1 : landedTruth.filter((pair) => predictedKeys.has(key(pair))).length / landedTruth.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, recallLanded, f1, tp, fp: fp.length, fn: truthKeys.size - tp, predicted: predictedKeys.size, fpPairs: fp, predictedKeys };
}
type Quality = ReturnType<typeof score>;
type Rows = { ours: Quality | null; original: Quality | null };
const NAMES = ['ours', 'original'] as const;

async function readAsset<S extends z.ZodObject>(storage: Storage, asset: string, schema: S, partition?: string): Promise<z.output<S>[] | null> {
  const head = await new Ledger(storage).readHead(asset, partition);
  const path = head?.record.files.data;
  const object = path ? await storage.get(path) : undefined;
  return object === undefined ? null : rowsFromTable(tableFromParquet(object.body), schema);
}

const goldSchema = z.object({ tmdb_id: z.int(), discogs_id: z.int(), is_match: z.boolean() });
const filmSchema = rawTmdbMovieSchema.pick({ tmdb_id: true, title: true, release_date: true });
const releaseSchema = rawDiscogsReleaseSchema.pick({ discogs_id: true, title: true, year: true, genre: true, style: true });

async function runPipeline(emulator: Emulator, storage: Storage) {
  // The query plan's variables pass through (e.g. MEDALLION_DISCOGS_TARGETED_BUDGET), so plans can be compared.
  const planEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => /^MEDALLION_(TMDB|DISCOGS)_/.test(name)));
  const graph = createGraphFromEnvironment({ ...planEnv, MEDALLION_SOURCE: 'sample' }, { emulator });
  const started = performance.now();
  const { summary } = await materialize({ graph, storage, sleep: async () => undefined });
  const wallMs = performance.now() - started;
  const stored = await storage.get(`metrics/_runs/${summary.runId}.json`);
  // The summary as the run wrote it to the lake (the same figures `materialize` returned).
  const run = stored === undefined ? summary : (JSON.parse(new TextDecoder().decode(stored.body)) as RunSummary);
  const duration = (asset: string) => run.outcomes.filter((o) => o.asset === asset).reduce((sum, o) => sum + o.durationMs, 0);
  const failed = run.outcomes.filter((o) => o.type !== 'materialized').map((o) => `${o.asset}: ${o.type}${o.error ? ` (${o.error.message})` : ''}`);
  const films = (await readAsset(storage, 'raw/tmdb_movies', filmSchema)) ?? [];
  const partitions = graph.get('raw/discogs_releases').partitions ?? [];
  const bulk = (await Promise.all(partitions.map((p) => readAsset(storage, 'raw/discogs_releases', releaseSchema, p)))).flatMap((rows) => rows ?? []);
  const targeted = (await readAsset(storage, 'raw/discogs_film_searches', releaseSchema)) ?? [];
  const gold = await readAsset(storage, 'gold/matches', goldSchema);
  const timing = { runMs: wallMs, candidatesMs: duration('intermediate/candidates'), goldMs: duration('gold/matches') };
  return { status: run.status, failed, films, bulk, targeted, gold, timing };
}

/** Recall per truth kind over landed truth, with missed examples; false positives per kind of wrong release. */
function byKind(emulator: Emulator, landed: ReadonlySet<number>, rows: Rows) {
  const { catalogue } = emulator;
  const films = new Map(catalogue.films.map((film) => [film.id, film]));
  const releases = new Map(catalogue.releases.map((release) => [release.id, release]));
  const describe = (pair: Pair) => {
    const film = films.get(pair.tmdb_id);
    const release = releases.get(pair.discogs_id);
    return `"${film?.title}" (${film ? yearOf(film.release_date) ?? '—' : '?'}) ~ "${release?.item.title}" (${release?.item.year ?? '—'})`;
  };
  // Two releases can read the same (a pressing and its reissue): distinct lines only.
  const examplesOf = (pairs: readonly Pair[]) => [...new Set(pairs.map(describe))].slice(0, 3);
  const perRow = <T>(fn: (q: Quality) => T) => ({ ours: rows.ours && fn(rows.ours), original: rows.original && fn(rows.original) });
  const recall = TRUTH_KINDS.map((kind) => {
    const truth = catalogue.truth.filter((pair) => pair.kind === kind);
    const inLake = truth.filter((pair) => landed.has(pair.discogs_id));
    return {
      kind,
      truth: truth.length,
      landed: inLake.length,
      ...perRow((q) => {
        const missed = inLake.filter((pair) => !q.predictedKeys.has(key(pair)));
        return { found: inLake.length - missed.length, recall: inLake.length === 0 ? null : 1 - missed.length / inLake.length, examples: examplesOf(missed) };
      }),
    };
  });
  const kindOf = (pair: Pair) => {
    const kind = releases.get(pair.discogs_id)?.kind ?? 'unknown';
    return kind === 'film-soundtrack' ? 'film-soundtrack-of-another-film' : kind;
  };
  const kinds = [...new Set([rows.ours, rows.original].flatMap((q) => q?.fpPairs.map(kindOf) ?? []))].sort();
  const falsePositives = kinds.map((kind) => ({
    kind,
    ...perRow((q) => {
      const pairs = q.fpPairs.filter((pair) => kindOf(pair) === kind);
      return { count: pairs.length, examples: examplesOf(pairs) };
    }),
  }));
  return { recall, falsePositives };
}

interface MatchInMemory {
  matchInMemory(films: unknown[], releases: unknown[]): Promise<Array<Pair & { is_match: boolean }>>;
}
interface RealWorldCases {
  REAL_WORLD_FILMS: Array<{ tmdb_id: number; title: string; original_title?: string | null; release_date: string }>;
  REAL_WORLD_RELEASES: Array<{ discogs_id: number; title: string; year: string | number | null; genre: string[]; style: string[]; format?: string[] }>;
  REAL_WORLD_TRUTH: Array<Pair & { is_match?: boolean }>;
}

/** Modules others are still writing: loaded when present, by a computed specifier so tsc does not need them. */
async function importIfPresent<T>(relative: string): Promise<T | undefined> {
  const url = new URL(relative, import.meta.url);
  return existsSync(fileURLToPath(url)) ? ((await import(url.href)) as T) : undefined;
}

async function realWorld() {
  const cases = await importIfPresent<RealWorldCases>('../tests/assets/matching/real-world-cases.ts');
  if (cases === undefined) return { size: null, rows: null, note: 'tests/assets/matching/real-world-cases.ts is not there yet' };
  const { REAL_WORLD_FILMS: films, REAL_WORLD_RELEASES: releases } = cases;
  // Should the set also list pairs that must not match (`is_match: false`), they are not truth.
  const truth = cases.REAL_WORLD_TRUTH.filter((pair) => pair.is_match !== false);
  const original = runOriginalRule(
    films.map((film) => ({ tmdb_id: film.tmdb_id, title: film.title, year: sparkDateYear(film.release_date) })),
    releases.map((r) => ({ discogs_id: r.discogs_id, title: r.title, year: r.year === null ? null : String(r.year), genres: r.genre, styles: r.style })),
  );
  const matcher = await importIfPresent<MatchInMemory>('../assets/matching/match-in-memory.ts');
  const ours = matcher === undefined ? null : score((await matcher.matchInMemory(films, releases)).filter((row) => row.is_match), truth, null);
  return {
    size: { films: films.length, releases: releases.length, truth: truth.length },
    rows: { ours, original: score(original.matches, truth, null) } satisfies Rows,
    note: matcher === undefined ? 'assets/matching/match-in-memory.ts is not there yet' : null,
  };
}

const pct = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
const qualityLine = (name: string, q: Quality | null) =>
  q === null ? `${name.padEnd(15)} not available` :
  `${name.padEnd(15)}${pct(q.precision).padStart(10)}${pct(q.recall).padStart(9)}${pct(q.recallLanded).padStart(10)}${pct(q.f1).padStart(8)}${String(q.tp).padStart(7)}${String(q.fp).padStart(7)}${String(q.fn).padStart(7)}`;
const QUALITY_HEADER = `${''.padEnd(15)}${'precision'.padStart(10)}${'recall'.padStart(9)}${'r.landed'.padStart(10)}${'F1'.padStart(8)}${'TP'.padStart(7)}${'FP'.padStart(7)}${'FN'.padStart(7)}`;
const strip = (q: Quality | null) => q && { precision: q.precision, recall: q.recall, recallLanded: q.recallLanded, f1: q.f1, tp: q.tp, fp: q.fp, fn: q.fn, predicted: q.predicted };

async function evaluate(lake: string) {
  log(`eval: building the emulator (${FILMS} films) and materializing the pipeline into ${lake} …`);
  const emulator = createEmulator({ films: FILMS, ...SAMPLE_SERVICES });
  const run = await runPipeline(emulator, createLocalStorage(lake));
  const raw = [...run.bulk, ...run.targeted];
  const landed = new Set(raw.map((row) => row.discogs_id));
  const started = performance.now();
  const original: OriginalRuleResult = runOriginalRule(
    run.films.map((film) => ({ tmdb_id: film.tmdb_id, title: film.title, year: sparkDateYear(film.release_date) })),
    raw.map((row) => ({ discogs_id: row.discogs_id, title: row.title, year: row.year, genres: row.genre, styles: row.style })),
  );
  const originalMs = performance.now() - started;
  const truth = emulator.catalogue.truth;
  const rows: Rows = {
    ours: run.gold === null ? null : score(run.gold.filter((row) => row.is_match), truth, landed),
    original: score(original.matches, truth, landed),
  };
  const real = await realWorld();
  const report = {
    scale: { films: FILMS, seed: emulator.catalogue.seed, releases: emulator.catalogue.releases.length, truth: truth.length, truthLanded: truth.filter((p) => landed.has(p.discogs_id)).length },
    landed: { films: run.films.length, bulkRows: run.bulk.length, targetedRows: run.targeted.length, releases: landed.size },
    run: { status: run.status, failed: run.failed },
    quality: { ours: strip(rows.ours), original: strip(rows.original) },
    originalCounts: original.counts,
    byKind: byKind(emulator, landed, rows),
    realWorld: { ...real.size, note: real.note, ours: strip(real.rows?.ours ?? null), original: strip(real.rows?.original ?? null) },
    timing: { ...run.timing, originalRuleMs: originalMs },
  };
  return { report, rows, realRows: real.rows };
}
type Evaluation = Awaited<ReturnType<typeof evaluate>>;

const lake = mkdtempSync(join(tmpdir(), 'medallion-eval-'));
try {
  const evaluation = await evaluate(lake);
  if (asJson) console.log(JSON.stringify(evaluation.report, null, 2));
  else printReport(evaluation);
} finally {
  rmSync(lake, { recursive: true, force: true });
}

function printReport({ report, rows, realRows: real }: Evaluation) {
  const { scale, landed, run, originalCounts: c, byKind: kinds, timing } = report;
  console.log(`medallion eval · ${scale.films} films · seed ${scale.seed} · node ${process.version}`);
  console.log(`catalogue: ${scale.releases} releases, ${scale.truth} true pairs (${scale.truthLanded} with the release landed)`);
  console.log(`landed: ${landed.films} film rows, ${landed.bulkRows} bulk + ${landed.targetedRows} targeted release rows, ${landed.releases} distinct releases`);
  if (run.status !== 'succeeded') console.log(`run ${run.status}: ${run.failed.join('; ')}`);
  console.log(`original rule: ${c.filmsKept}/${c.films} films kept, ${c.releasesKept}/${c.releases} release rows through its filters, ${c.candidates} candidates, ${c.matches} strong matches\n`);
  console.log(QUALITY_HEADER);
  console.log(qualityLine('ours', rows.ours));
  console.log(qualityLine('original rule', rows.original));
  console.log('(recall: over all true pairs; r.landed: over true pairs whose release was landed)\n');
  console.log('What it gets wrong: recall by truth kind (over landed truth), with missed pairs');
  for (const row of kinds.recall) {
    console.log(`  ${row.kind.padEnd(22)} truth ${String(row.truth).padStart(5)}  landed ${String(row.landed).padStart(5)}   ours ${pct(row.ours?.recall).padStart(6)}   original ${pct(row.original?.recall).padStart(6)}`);
    for (const name of NAMES) for (const example of row[name]?.examples ?? []) console.log(`      ${name.padEnd(8)} missed ${example}`);
  }
  console.log('\nFalse positives by kind of the wrongly matched release');
  for (const row of kinds.falsePositives) {
    console.log(`  ${row.kind.padEnd(32)} ours ${String(row.ours?.count ?? '—').padStart(5)}   original ${String(row.original?.count ?? '—').padStart(5)}`);
    for (const name of NAMES) for (const example of row[name]?.examples ?? []) console.log(`      ${name.padEnd(8)} ${example}`);
  }
  const size = report.realWorld;
  console.log(`\nReal-world set${real === null ? `: ${size.note}` : ` (${size.films} films, ${size.releases} releases, ${size.truth} true pairs)`}`);
  if (real !== null) {
    console.log(QUALITY_HEADER);
    console.log(qualityLine('ours', real.ours));
    console.log(qualityLine('original rule', real.original));
    if (size.note !== null) console.log(`(${size.note})`);
  }
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.log(`\nTiming: pipeline run ${ms(timing.runMs)}; intermediate/candidates ${ms(timing.candidatesMs)} + gold/matches ${ms(timing.goldMs)} (run summary); original rule in-process ${ms(timing.originalRuleMs)}`);
}
