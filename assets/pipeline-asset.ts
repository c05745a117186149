/**
 * How an asset takes its place in the pipeline: its module exports a `pipelineAsset` that defines it from the
 * pipeline's options (sources, query plan, tuning) and its upstream assets, asked for by their entries. The
 * list of entries is `pipeline-assets.ts`; `createPipeline` defines each one once.
 */
import type { AnyAsset } from 'medallion';
import type { BlockingOptions } from './matching/block-candidates.ts';
import type { GroundTruth } from './matching/evaluate-matches.ts';
import type { QueryPlan } from './sources/query-plan.ts';
import type { FilmSource, ReleaseSource } from './sources/source.ts';

export interface PipelineOptions {
  films: FilmSource;
  releases: ReleaseSource;
  plan?: QueryPlan;
  /** How `intermediate/candidates` blocks film × release pairs. */
  candidates?: BlockingOptions;
  /** Requests in flight per raw asset (the clients still enforce each service's rate). */
  concurrency?: number;
  /** When the true pairs are known (the emulator), `metrics/match_quality` measures the matches against them. */
  groundTruth?: GroundTruth;
}

/** What an entry defines its asset from: the options (the plan's default filled in) and its upstreams. */
export interface PipelineScope {
  readonly options: PipelineOptions & { readonly plan: QueryPlan };
  /** `{ concurrency }` when the options set it, else `{}`: spread into a raw asset's options. */
  readonly concurrency: { concurrency?: number };
  /** The asset `entry` defines in this pipeline (defined on first ask, then shared). */
  upstream<A extends AnyAsset>(entry: PipelineAsset<A>): A;
}

/** An asset of the pipeline, not yet defined: `define` returns undefined when these options leave it out. */
export interface PipelineAsset<A extends AnyAsset> {
  readonly define: (scope: PipelineScope) => A | undefined;
}

/**
 * Declares how the pipeline defines an asset.
 *
 * @example
 * export const tmdbMoviesEntry = pipelineAsset((scope) => defineTmdbMovies(scope.upstream(rawTmdbMoviesEntry)));
 */
export function pipelineAsset<A extends AnyAsset>(define: (scope: PipelineScope) => A | undefined): PipelineAsset<A> {
  return { define };
}

/** Defines every entry (each once, upstreams first); the ones its options leave out are not in the list. */
export function defineEntries(entries: readonly PipelineAsset<AnyAsset>[], options: PipelineScope['options']): AnyAsset[] {
  const defined = new Map<PipelineAsset<AnyAsset>, AnyAsset | undefined>();
  const scope: PipelineScope = {
    options,
    concurrency: options.concurrency === undefined ? {} : { concurrency: options.concurrency },
    upstream<A extends AnyAsset>(entry: PipelineAsset<A>): A {
      const asset = defineOnce(entry) as A | undefined;
      if (asset === undefined) throw new Error('An asset of the pipeline depends on one these options leave out.');
      return asset;
    },
  };
  const defineOnce = (entry: PipelineAsset<AnyAsset>): AnyAsset | undefined => {
    if (!defined.has(entry)) defined.set(entry, entry.define(scope));
    return defined.get(entry);
  };
  for (const entry of entries) defineOnce(entry);
  return [...defined.values()].filter((asset): asset is AnyAsset => asset !== undefined);
}
