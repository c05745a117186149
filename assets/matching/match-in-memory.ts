/**
 * The whole matching stage without a lake: landed TMDB films and Discogs search results in, gold rows out,
 * through exactly the functions the intermediate and gold assets call. For evaluation sets and tests.
 */
import { discogsRowOf } from '../raw/discogs-search-rows.ts';
import { matchesOf, type Match } from '../gold/matches.ts';
import { candidatesOf } from '../intermediate/candidates.ts';
import { dedupeById as dedupeReleases, releaseOf } from '../intermediate/discogs-releases.ts';
import { dedupeById as dedupeMovies, movieOf } from '../intermediate/tmdb-movies.ts';
import { rawDiscogsReleaseSchema } from '../raw/discogs-search-rows.ts';
import { rawTmdbMovieSchema } from '../raw/raw-tmdb-movies.ts';

export interface LandedFilm {
  readonly tmdb_id: number;
  readonly title: string;
  readonly original_title?: string;
  /** "YYYY-MM-DD" or "". */
  readonly release_date: string;
  readonly popularity?: number;
  /** As TMDB credits them (`raw/tmdb_film_details`). */
  readonly composers?: readonly string[];
  readonly alternative_titles?: readonly string[];
}

export interface LandedRelease {
  readonly discogs_id: number;
  /** As Discogs search writes it: "Artist - Title". */
  readonly title: string;
  readonly year: string | null;
  readonly genre: readonly string[];
  readonly style: readonly string[];
  readonly format: readonly string[];
  readonly master_id?: number;
  /** The master's first pressing's year, as `raw/discogs_masters` would look it up; null: Discogs has none. */
  readonly master_year?: number | null;
}

/** A master id for a release that knows its master's year but not its id (hand-written sets). */
const masterIdOf = (release: LandedRelease) => release.master_id ?? (release.master_year === undefined ? undefined : 900_000_000 + release.discogs_id);

export async function matchInMemory(films: readonly LandedFilm[], releases: readonly LandedRelease[]): Promise<Match[]> {
  const rawFilms = films.map((film, index) =>
    rawTmdbMovieSchema.parse({
      tmdb_id: film.tmdb_id, title: film.title, original_title: film.original_title ?? film.title, original_language: null,
      release_date: film.release_date, genre_ids: [], popularity: film.popularity ?? null, vote_average: null, vote_count: null,
      adult: null, listing: 'in-memory', page: 1, record_index: index,
    }),
  );
  const rawReleases = releases.map((release, index) =>
    rawDiscogsReleaseSchema.parse(
      discogsRowOf({
        ...release, id: release.discogs_id, type: 'release', genre: [...release.genre], style: [...release.style], format: [...release.format],
        year: release.year ?? undefined, master_id: masterIdOf(release),
      }, 'in-memory', 1, index),
    ),
  );
  const movies = dedupeMovies(rawFilms).map((film) => movieOf(film));
  const normalizedReleases = dedupeReleases(rawReleases).map(({ release, queries }) => releaseOf(release, queries));
  const details = films.map((film) => ({ tmdb_id: film.tmdb_id, composers: film.composers ?? [], alternative_titles: film.alternative_titles ?? [] }));
  const masterYears = new Map(releases.flatMap((release) => (typeof release.master_year === 'number' ? [[masterIdOf(release)!, release.master_year] as const] : [])));
  return matchesOf(candidatesOf(movies, normalizedReleases, {}, details).rows, masterYears);
}
