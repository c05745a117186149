// Builders for intermediate/gold test rows: full rows with defaults, so each test states only what it is about.
import { defineRawDiscogsFilmSearches } from '../../../assets/raw/raw-discogs-film-searches.ts';
import { defineRawDiscogsMasters } from '../../../assets/raw/raw-discogs-masters.ts';
import { defineRawDiscogsReleases } from '../../../assets/raw/raw-discogs-releases.ts';
import type { RawDiscogsRelease } from '../../../assets/raw/discogs-search-rows.ts';
import { defineRawTmdbFilmDetails } from '../../../assets/raw/raw-tmdb-film-details.ts';
import { defineRawTmdbMovies, type RawTmdbMovie } from '../../../assets/raw/raw-tmdb-movies.ts';
import { defineMatches } from '../../../assets/gold/matches.ts';
import { defineCandidates } from '../../../assets/intermediate/candidates.ts';
import { defineDiscogsReleases, type DiscogsRelease } from '../../../assets/intermediate/discogs-releases.ts';
import { defineSchemaAlignment } from '../../../assets/intermediate/schema-alignment.ts';
import { defineTmdbMovies, type TmdbMovie } from '../../../assets/intermediate/tmdb-movies.ts';
import { analyzeTitle, normalizeTitle } from '../../../assets/matching/normalize-title.ts';
import { hasSoundtrackWording, mainTitleNorm, releaseHint } from '../../../assets/matching/title-features.ts';
import { DEFAULT_QUERY_PLAN } from '../../../assets/sources/query-plan.ts';
import type { FilmSource, ReleaseSource } from '../../../assets/sources/source.ts';

const notCalled = () => Promise.reject(new Error('not called in intermediate tests'));
export const unusedFilms: FilmSource = { popularPage: notCalled, discoverPage: notCalled, movie: notCalled };
export const unusedReleases: ReleaseSource = { search: notCalled, master: notCalled };

// The pipeline's assets over sources that are never called: intermediate and gold tests feed their inputs by hand.
export const rawMovies = defineRawTmdbMovies(unusedFilms, { plan: DEFAULT_QUERY_PLAN.tmdb });
export const rawReleases = defineRawDiscogsReleases(unusedReleases, { plan: DEFAULT_QUERY_PLAN.discogs });
export const movies = defineTmdbMovies(rawMovies);
export const rawFilmSearches = defineRawDiscogsFilmSearches(unusedReleases, movies, rawReleases, { plan: DEFAULT_QUERY_PLAN.discogs });
export const releases = defineDiscogsReleases(rawReleases, rawFilmSearches);
export const schemaAlignment = defineSchemaAlignment(rawMovies, rawReleases);
export const filmDetails = defineRawTmdbFilmDetails(unusedFilms, rawMovies);
export const candidates = defineCandidates(movies, releases, filmDetails, schemaAlignment);
export const masters = defineRawDiscogsMasters(unusedReleases, candidates, { budget: 10 });
export const matches = defineMatches(candidates, masters);

export function rawMovie(tmdb_id: number, title: string, release_date: string, extra: Partial<RawTmdbMovie> = {}): RawTmdbMovie {
  return {
    tmdb_id, title, release_date, original_title: title, original_language: 'en', genre_ids: [],
    popularity: 1, vote_average: 7, vote_count: 10, adult: false, listing: 'popular', page: 1, record_index: 0, ...extra,
  };
}

export function rawRelease(discogs_id: number, title: string, year: string | null, extra: Partial<RawDiscogsRelease> = {}): RawDiscogsRelease {
  return {
    discogs_id, title, year, genre: ['Stage & Screen'], style: ['Soundtrack'], format: ['CD'], country: 'US',
    master_id: 0, label: null, catno: null, query: 'style=Soundtrack year=1994', page: 1, record_index: 0, ...extra,
  };
}

export function movie(tmdb_id: number, title: string, year: number | null, extra: Partial<TmdbMovie> = {}): TmdbMovie {
  return {
    tmdb_id, title, title_norm: normalizeTitle(title), original_title: title, original_title_norm: null, main_title_norm: mainTitleNorm(title),
    original_language: 'en', year, release_date: year === null ? null : `${year}-01-01`, genres: [], popularity: 1, ...extra,
  };
}

export function release(discogs_id: number, title: string, year: number | null, extra: Partial<DiscogsRelease> = {}): DiscogsRelease {
  const analyzed = analyzeTitle(title);
  const row: DiscogsRelease = {
    discogs_id, artist: 'Composer', title, title_norm: analyzed.norm, title_alt_norm: null, title_forms: [], title_wording: analyzed.wording, title_parts: [...analyzed.parts], year,
    genres: ['Stage & Screen'], styles: ['Soundtrack'], formats: ['CD'], country: 'US', master_id: null, queries: ['soundtrack'],
    hint: releaseHint(title, ['Soundtrack']), filed_as_soundtrack: true, soundtrack_wording: hasSoundtrackWording(title), ...extra,
  };
  const forms = extra.title_forms ?? [...new Set([row.title_norm, ...(row.title_alt_norm === null ? [] : [row.title_alt_norm]), ...analyzed.alternatives])];
  return { ...row, title_forms: forms };
}
