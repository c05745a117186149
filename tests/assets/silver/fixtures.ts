// Builders for silver/gold test rows: full rows with defaults, so each test states only what it is about.
import { defineRawDiscogsReleases, type RawDiscogsRelease } from '../../../assets/bronze/raw-discogs-releases.ts';
import { defineRawTmdbMovies, type RawTmdbMovie } from '../../../assets/bronze/raw-tmdb-movies.ts';
import { defineMatches } from '../../../assets/gold/matches.ts';
import { defineCandidates } from '../../../assets/silver/candidates.ts';
import { defineDiscogsReleases, type DiscogsRelease } from '../../../assets/silver/discogs-releases.ts';
import { defineSchemaAlignment } from '../../../assets/silver/schema-alignment.ts';
import { defineTmdbMovies, type TmdbMovie } from '../../../assets/silver/tmdb-movies.ts';
import { normalizeTitle } from '../../../assets/matching/normalize-title.ts';
import type { FilmSource, ReleaseSource } from '../../../assets/sources/source.ts';

export const unusedFilms: FilmSource = { popularPage: () => Promise.reject(new Error('not called in silver tests')) };
export const unusedReleases: ReleaseSource = { searchPage: () => Promise.reject(new Error('not called in silver tests')) };

// The pipeline's assets over sources that are never called: silver and gold tests feed their inputs by hand.
export const rawMovies = defineRawTmdbMovies(unusedFilms);
export const rawReleases = defineRawDiscogsReleases(unusedReleases);
export const movies = defineTmdbMovies(rawMovies);
export const releases = defineDiscogsReleases(rawReleases);
export const schemaAlignment = defineSchemaAlignment(rawMovies, rawReleases);
export const candidates = defineCandidates(movies, releases, schemaAlignment);
export const matches = defineMatches(candidates);

export function rawMovie(tmdb_id: number, title: string, release_date: string, extra: Partial<RawTmdbMovie> = {}): RawTmdbMovie {
  return {
    tmdb_id, title, release_date, original_title: title, original_language: 'en', genre_ids: [],
    popularity: 1, vote_average: 7, vote_count: 10, adult: false, page: 1, ...extra,
  };
}

export function rawRelease(discogs_id: number, title: string, year: string | null, extra: Partial<RawDiscogsRelease> = {}): RawDiscogsRelease {
  return {
    discogs_id, title, year, genre: ['Stage & Screen'], style: ['Soundtrack'], format: ['CD'], country: 'US',
    master_id: 0, label: null, catno: null, query: 'soundtrack', page: 1, ...extra,
  };
}

export function movie(tmdb_id: number, title: string, year: number | null, extra: Partial<TmdbMovie> = {}): TmdbMovie {
  return {
    tmdb_id, title, title_norm: normalizeTitle(title), original_title: title, original_title_norm: null,
    original_language: 'en', year, release_date: year === null ? null : `${year}-01-01`, genres: [], popularity: 1, ...extra,
  };
}

export function release(discogs_id: number, title: string, year: number | null, extra: Partial<DiscogsRelease> = {}): DiscogsRelease {
  return {
    discogs_id, artist: 'Composer', title, title_norm: normalizeTitle(title), title_alt_norm: null, year,
    genres: ['Stage & Screen'], styles: ['Soundtrack'], formats: ['CD'], country: 'US', master_id: null, queries: ['soundtrack'], ...extra,
  };
}
