/**
 * `raw/discogs_masters`: the masters (`/masters/{id}`) of the releases whose year alone cannot say which
 * film they belong to: pressings far in time from every candidate film (a 2014 reissue of a 1993 score), and
 * pressings that meet films of several years (a reissue in a remake's year). A master's `year` is its first
 * pressing's, so the judge can date the music rather than the pressing. Within a budget of lookups, each
 * master one durable step with its raw JSON attached (`masters/<id>.json`).
 *
 * Incremental: a master's first pressing does not change, so the masters the previous version holds
 * (`ctx.previous()`) are kept while still wanted, and the budget goes to masters not looked up yet. What the
 * budget leaves is counted in the metadata (`backlog`) but does not make the asset stale: the lookups are a
 * refinement, spent whenever the candidates change, not work the pipeline owes.
 */
import { z } from 'zod';
import { defineAsset, type JsonValue } from 'medallion';
import { CONTEMPORARY_YEARS } from '../matching/judge-matches.ts';
import { isNotFound } from '../sources/http/request-errors.ts';
import type { ReleaseSource } from '../sources/source.ts';
import { candidatesEntry, type Candidate, type CandidatesAsset } from '../intermediate/candidates.ts';
import { isObject } from './discogs-search-rows.ts';
import { mapConcurrently } from './land-listing.ts';
import { pipelineAsset } from '../pipeline-asset.ts';

export const rawDiscogsMasterSchema = z.object({
  master_id: z.int(),
  /** The first pressing's year; null when Discogs has none (it sends 0). */
  year: z.int32().nullable(),
  title: z.string().nullable(),
  /** Discogs no longer knows the master (404). */
  missing: z.boolean(),
});

const CODE_VERSION = '2';

export function defineRawDiscogsMasters(releases: ReleaseSource, candidates: CandidatesAsset, options: { budget: number; concurrency?: number }) {
  return defineAsset({
    key: 'raw/discogs_masters',
    description: `Discogs masters of the candidate releases whose year does not date them (far from every candidate film, or meeting films of several years), at most ${options.budget} lookups; raw JSON attached as masters/<id>.json.`,
    schema: rawDiscogsMasterSchema,
    deps: { candidates },
    codeVersion: CODE_VERSION,
    tags: { source: 'discogs' },
    retry: { maxAttempts: 3, initialDelayMs: 5_000, maxDelayMs: 120_000 },
    async materialize(ctx, inputs) {
      const wanted = mastersWorthLookingUp(await inputs.candidates.rows());
      const previous = await ctx.previous();
      const stillWanted = new Set(wanted);
      const kept = (previous?.codeVersion === CODE_VERSION ? await previous.rows() : []).filter((row) => stillWanted.has(row.master_id));
      const known = new Set(kept.map((row) => row.master_id));
      const looked = wanted.filter((id) => !known.has(id)).slice(0, options.budget);
      const attached = new Set(await ctx.attachments.list());
      let fetched = 0;
      let done = 0;
      const bodies = await mapConcurrently(looked, options.concurrency ?? 4, async (id) => {
        const name = `masters/${id}.json`;
        const body = await ctx.step(`master-${id}`, async () => {
          if (attached.has(name)) return (await ctx.attachments.getJson(name)) ?? null;
          let record: JsonValue;
          try {
            record = (await releases.master(id, { signal: ctx.signal })) as JsonValue;
          } catch (error) {
            if (!isNotFound(error)) throw error;
            record = { id, missing: true };
          }
          await ctx.attachments.putJson(name, record);
          fetched++;
          return record;
        });
        ctx.progress({ done: ++done, total: looked.length, unit: 'masters' });
        return body;
      });
      const rows: z.input<typeof rawDiscogsMasterSchema>[] = [...kept, ...bodies.map(masterRowOf)];
      rows.sort((a, b) => Number(a.master_id) - Number(b.master_id));
      return {
        rows,
        metadata: { wanted: wanted.length, budget: options.budget, kept: kept.length, looked_up: looked.length, fetched, resumed: looked.length - fetched, backlog: wanted.length - kept.length - looked.length },
      };
    },
  });
}

export type RawDiscogsMastersAsset = ReturnType<typeof defineRawDiscogsMasters>;

/**
 * The masters of releases no candidate film is contemporary with, or whose candidate films are of years more
 * than a window apart; the ones met by most candidate pairs first (they decide the most).
 */
export function mastersWorthLookingUp(candidates: readonly Candidate[]): number[] {
  const byRelease = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    if (candidate.discogs_master_id === null || candidate.discogs_year === null) continue;
    (byRelease.get(candidate.discogs_id) ?? byRelease.set(candidate.discogs_id, []).get(candidate.discogs_id)!).push(candidate);
  }
  const weight = new Map<number, number>();
  for (const pairs of byRelease.values()) {
    const years = pairs.map((pair) => pair.tmdb_year).filter((year): year is number => year !== null);
    const contemporary = pairs.some((pair) => pair.year_diff !== null && Math.abs(pair.year_diff) <= CONTEMPORARY_YEARS);
    const spread = years.length > 1 && Math.max(...years) - Math.min(...years) > CONTEMPORARY_YEARS;
    if (contemporary && !spread) continue;
    const master = pairs[0]!.discogs_master_id!;
    weight.set(master, (weight.get(master) ?? 0) + pairs.length);
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([master]) => master);
}

export function masterRowOf(record: unknown): z.input<typeof rawDiscogsMasterSchema> {
  const master = isObject(record) ? record : {};
  const year = typeof master.year === 'number' && master.year > 0 ? master.year : null;
  return {
    master_id: master.id,
    year,
    title: typeof master.title === 'string' ? master.title : null,
    missing: master.missing === true,
  } as z.input<typeof rawDiscogsMasterSchema>;
}

/** In the pipeline: the masters of undated candidates, within the plan's masters budget. */
export const rawDiscogsMastersEntry = pipelineAsset((scope) =>
  defineRawDiscogsMasters(scope.options.releases, scope.upstream(candidatesEntry), { budget: scope.options.plan.discogs.mastersBudget, ...scope.concurrency }));
