/**
 * `intermediate/tmdb_movies`: one row per TMDB film (deduplicated by id), with normalized titles,
 * the year as a number and genre names.
 */
import { z } from 'zod';
import { defineAsset } from 'medallion';
import { rawTmdbMoviesEntry, type RawTmdbMovie, type RawTmdbMoviesAsset } from '../raw/raw-tmdb-movies.ts';
import { normalizeTitle } from '../matching/normalize-title.ts';
import { mainTitleNorm } from '../matching/title-features.ts';
import { parseYear } from '../matching/parse-year.ts';
import { TMDB_MOVIE_GENRES } from './tmdb-genres.ts';
import { dedupeCounts } from './dedupe-counts.ts';
import { pipelineAsset } from '../pipeline-asset.ts';

export const tmdbMovieSchema = z.object({
  tmdb_id: z.int(),
  title: z.string(),
  title_norm: z.string(),
  original_title: z.string().nullable(),
  /** Null when the original title normalizes to the same as the title. */
  original_title_norm: z.string().nullable(),
  /** The title without its last subtitle ("mad max" for "Mad Max: Fury Road"); null when there is none. */
  main_title_norm: z.string().nullable(),
  original_language: z.string().nullable(),
  year: z.int32().nullable(),
  /** Null when TMDB landed "". */
  release_date: z.string().nullable(),
  genres: z.array(z.string()),
  popularity: z.number().nullable(),
});
export type TmdbMovie = z.output<typeof tmdbMovieSchema>;

export function defineTmdbMovies(raw: RawTmdbMoviesAsset) {
  return defineAsset({
    key: 'intermediate/tmdb_movies',
    description: 'TMDB films deduplicated by id, with title_norm/original_title_norm/main_title_norm for matching, year as a number and genre names.',
    schema: tmdbMovieSchema,
    report: { stage: 'films' },
    deps: { raw },
    codeVersion: '3',
    async materialize(_ctx, inputs) {
      const landed = await inputs.raw.rows();
      const unknownGenreIds = new Set<number>();
      const rows = dedupeById(landed).map((film) => movieOf(film, unknownGenreIds));
      return {
        rows,
        metadata: {
          ...dedupeCounts(landed, rows),
          unknown_genre_ids: [...unknownGenreIds].sort((a, b) => a - b),
        },
      };
    },
  });
}

export type TmdbMoviesAsset = ReturnType<typeof defineTmdbMovies>;

/** Keeps the first landing of each id: the earliest page, i.e. the film's rank when the list was read. */
export function dedupeById(films: readonly RawTmdbMovie[]): RawTmdbMovie[] {
  const seen = new Set<number>();
  return films.filter((film) => {
    if (seen.has(film.tmdb_id)) return false;
    seen.add(film.tmdb_id);
    return true;
  });
}

export function movieOf(film: RawTmdbMovie, unknownGenreIds: Set<number> = new Set()): TmdbMovie {
  const titleNorm = normalizeTitle(film.title);
  const originalNorm = film.original_title === null ? '' : normalizeTitle(film.original_title);
  const genres: string[] = [];
  for (const id of film.genre_ids) {
    const name = TMDB_MOVIE_GENRES.get(id);
    if (name === undefined) unknownGenreIds.add(id);
    else genres.push(name);
  }
  return {
    tmdb_id: film.tmdb_id,
    title: film.title,
    title_norm: titleNorm,
    original_title: film.original_title,
    original_title_norm: originalNorm === '' || originalNorm === titleNorm ? null : originalNorm,
    main_title_norm: mainTitleNorm(film.title),
    original_language: film.original_language,
    year: parseYear(film.release_date),
    release_date: film.release_date === '' ? null : film.release_date,
    genres,
    popularity: film.popularity,
  };
}

/** In the pipeline: over `raw/tmdb_movies`. */
export const tmdbMoviesEntry = pipelineAsset((scope) => defineTmdbMovies(scope.upstream(rawTmdbMoviesEntry)));
