/**
 * `intermediate/discogs_releases`: one row per Discogs release from the bulk and the per-film
 * landings (deduplicated by id across searches), the "Artist - " prefix split into its own column, both forms of a bilingual title normalized,
 * soundtrack suffixes gone from the normalized forms, and the year as a number.
 */
import { z } from 'zod';
import { defineAsset } from 'medallion';
import type { RawDiscogsRelease } from '../raw/discogs-search-rows.ts';
import { rawDiscogsFilmSearchesEntry, type RawDiscogsFilmSearchesAsset } from '../raw/raw-discogs-film-searches.ts';
import { rawDiscogsReleasesEntry, type RawDiscogsReleasesAsset } from '../raw/raw-discogs-releases.ts';
import { analyzeTitle } from '../matching/normalize-title.ts';
import { parseYear } from '../matching/parse-year.ts';
import { splitDiscogsTitle, titleForms } from '../matching/split-discogs-title.ts';
import { hasSoundtrackWording, isFiledAsSoundtrack, RELEASE_HINTS, releaseHint } from '../matching/title-features.ts';
import { dedupeCounts } from './dedupe-counts.ts';
import { pipelineAsset } from '../pipeline-asset.ts';

export const discogsReleaseSchema = z.object({
  discogs_id: z.int(),
  /** The "Artist" of "Artist - Title" ("Various" for compilations); null when there was no separator. */
  artist: z.string().nullable(),
  /** The title without the artist, as written (suffixes and both bilingual forms included). */
  title: z.string(),
  /** The first form of the title, normalized, soundtrack suffixes removed. */
  title_norm: z.string(),
  /** The second form of a bilingual "A = B" title, normalized; null when there is none or it is the same. */
  title_alt_norm: z.string().nullable(),
  /**
   * Every normalized form the title holds, `title_norm` first: the bilingual form, a bracketed second title
   * ("mad max 2" of "The Road Warrior (Mad Max 2)") and each part of "Fargo / Barton Fink".
   */
  title_forms: z.array(z.string()),
  /** The release wording removed from the title, normalized ("music from the original motion picture soundtrack"). */
  title_wording: z.string(),
  /** The title's parts between " - ", ": " and " / " ("star wars", "a new hope"); empty for a title in one part. */
  title_parts: z.array(z.string()),
  year: z.int32().nullable(),
  genres: z.array(z.string()),
  styles: z.array(z.string()),
  formats: z.array(z.string()),
  country: z.string().nullable(),
  /** Null when Discogs knows no master (it sends 0). */
  master_id: z.int().nullable(),
  /** What the title or styles say it is when not a film soundtrack: a TV series, a video game, an "inspired by" album, a stage cast recording. */
  hint: z.enum(RELEASE_HINTS).nullable(),
  /** Filed as film music: genre Stage & Screen, or style Soundtrack or Score. */
  filed_as_soundtrack: z.boolean(),
  /** The title says it is film music ("… (Original Motion Picture Soundtrack)", "… OST"). */
  soundtrack_wording: z.boolean(),
  /** Every search that found the release (`style=Soundtrack year=1994`, `film=603`), in landing order. */
  queries: z.array(z.string()),
});
export type DiscogsRelease = z.output<typeof discogsReleaseSchema>;

export function defineDiscogsReleases(bulk: RawDiscogsReleasesAsset, targeted: RawDiscogsFilmSearchesAsset) {
  return defineAsset({
    key: 'intermediate/discogs_releases',
    description: 'Discogs releases (bulk and per-film searches) deduplicated by id, artist split from the title, title_norm/title_alt_norm (bilingual) for matching, year as a number.',
    schema: discogsReleaseSchema,
    report: { stage: 'releases' },
    deps: { bulk, targeted },
    codeVersion: '4',
    async materialize(_ctx, inputs) {
      const landed = [...(await inputs.bulk.rows()), ...(await inputs.targeted.rows())];
      const rows = dedupeById(landed).map(({ release, queries }) => releaseOf(release, queries));
      return {
        rows,
        metadata: {
          ...dedupeCounts(landed, rows),
          bilingual_titles: rows.filter((row) => row.title_alt_norm !== null).length,
          without_artist: rows.filter((row) => row.artist === null).length,
        },
      };
    },
  });
}

export type DiscogsReleasesAsset = ReturnType<typeof defineDiscogsReleases>;

/** One entry per id, first landing kept, with every term that found it. */
export function dedupeById(landed: readonly RawDiscogsRelease[]): Array<{ release: RawDiscogsRelease; queries: string[] }> {
  const byId = new Map<number, { release: RawDiscogsRelease; queries: string[] }>();
  for (const release of landed) {
    const entry = byId.get(release.discogs_id);
    if (entry === undefined) byId.set(release.discogs_id, { release, queries: [release.query] });
    else if (!entry.queries.includes(release.query)) entry.queries.push(release.query);
  }
  return [...byId.values()];
}

export function releaseOf(release: RawDiscogsRelease, queries: string[] = [release.query]): DiscogsRelease {
  const { artist, title } = splitDiscogsTitle(release.title);
  const [primary, alternative] = titleForms(title);
  const analyzed = analyzeTitle(primary);
  const alt = alternative === null ? undefined : analyzeTitle(alternative);
  const titleNorm = analyzed.norm;
  const altNorm = alt === undefined || alt.norm === '' || alt.norm === titleNorm ? null : alt.norm;
  const forms = new Set([titleNorm, ...(altNorm === null ? [] : [altNorm]), ...analyzed.alternatives, ...(alt?.alternatives ?? [])]);
  forms.delete('');
  return {
    discogs_id: release.discogs_id,
    artist,
    title,
    title_norm: titleNorm,
    title_alt_norm: altNorm,
    title_forms: [...forms],
    title_wording: [analyzed.wording, alt?.wording ?? ''].filter((wording) => wording !== '').join(' '),
    title_parts: [...analyzed.parts],
    year: parseYear(release.year),
    genres: release.genre,
    styles: release.style,
    formats: release.format,
    country: release.country,
    master_id: release.master_id === null || release.master_id === 0 ? null : release.master_id,
    hint: releaseHint(title, release.style),
    filed_as_soundtrack: isFiledAsSoundtrack(release.genre, release.style),
    soundtrack_wording: hasSoundtrackWording(title),
    queries,
  };
}

/** In the pipeline: over both Discogs landings. */
export const discogsReleasesEntry = pipelineAsset((scope) => defineDiscogsReleases(scope.upstream(rawDiscogsReleasesEntry), scope.upstream(rawDiscogsFilmSearchesEntry)));
