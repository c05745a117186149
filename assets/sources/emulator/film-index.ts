/**
 * The TMDB side's read model: film lists for `/movie/popular`, `/discover/movie` and `/search/movie` as
 * positions into the popular order, computed once per distinct query and cached.
 */
import type { TmdbListItem } from '../tmdb-schemas.ts';
import { createBoundedCache, intersectSorted } from './bounded-cache.ts';
import { searchTokens } from './release-records.ts';

export interface FilmIndex {
  readonly films: readonly TmdbListItem[];
  /** Positions (into `films`, popularity order) of every film. */
  popular(): readonly number[];
  discover(params: Readonly<Record<string, string>>): readonly number[];
  search(params: Readonly<Record<string, string>>): readonly number[];
  byId(id: number): TmdbListItem | undefined;
}

type SortKey = (film: TmdbListItem) => number | string;

/** `sort_by` values TMDB accepts (research §1.2); `revenue.*` falls back to popularity (lists carry no revenue). */
const SORT_KEYS: Readonly<Record<string, SortKey>> = {
  popularity: (film) => film.popularity ?? 0,
  primary_release_date: (film) => film.release_date,
  title: (film) => film.title,
  original_title: (film) => film.original_title ?? film.title,
  vote_average: (film) => film.vote_average ?? 0,
  vote_count: (film) => film.vote_count ?? 0,
  revenue: (film) => film.popularity ?? 0,
};

export function createFilmIndex(films: readonly TmdbListItem[]): FilmIndex {
  const all = films.map((_, position) => position);
  const cache = createBoundedCache<readonly number[]>(1_000);
  let byId: Map<number, TmdbListItem> | undefined;
  let tokens: Map<string, number[]> | undefined;
  const tokenIndex = () => (tokens ??= buildTokenIndex(films));
  return {
    films,
    popular: () => all,
    discover: (params) => cache.get(`discover?${discoverKey(params)}`, () => discover(films, params)),
    search(params) {
      const words = searchTokens(params.query ?? '');
      const year = params.primary_release_year ?? params.year;
      return cache.get(`search?${words.join(' ')}&${year ?? ''}`, () => {
        if (words.length === 0) return [];
        const hits = intersectSorted(words.map((word) => tokenIndex().get(word) ?? []));
        return year === undefined ? hits : hits.filter((position) => films[position]!.release_date.startsWith(`${year}-`));
      });
    },
    byId: (id) => (byId ??= new Map(films.map((film) => [film.id, film]))).get(id),
  };
}

function buildTokenIndex(films: readonly TmdbListItem[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  films.forEach((film, position) => {
    for (const token of new Set(searchTokens(`${film.title} ${film.original_title ?? ''}`))) {
      const list = index.get(token);
      if (list === undefined) index.set(token, [position]);
      else list.push(position);
    }
  });
  return index;
}

const DISCOVER_PARAMS = ['primary_release_year', 'year', 'primary_release_date.gte', 'primary_release_date.lte', 'release_date.gte', 'release_date.lte', 'with_genres', 'with_original_language', 'sort_by'];

function discoverKey(params: Readonly<Record<string, string>>): string {
  return DISCOVER_PARAMS.map((name) => `${name}=${params[name] ?? ''}`).join('&');
}

/** Filters TMDB documents (year, date range, genres with `,` = AND and `|` = OR, language), then sorts. */
function discover(films: readonly TmdbListItem[], params: Readonly<Record<string, string>>): number[] {
  const year = params.primary_release_year ?? params.year;
  const from = params['primary_release_date.gte'] ?? params['release_date.gte'];
  const to = params['primary_release_date.lte'] ?? params['release_date.lte'];
  const genres = params.with_genres;
  const anyGenre = genres?.includes('|') === true;
  const genreIds = genres === undefined || genres === '' ? [] : genres.split(/[|,]/).map(Number);
  const language = params.with_original_language;
  const positions: number[] = [];
  films.forEach((film, position) => {
    const date = film.release_date;
    if (year !== undefined && !date.startsWith(`${year}-`)) return;
    if ((from !== undefined || to !== undefined) && date === '') return;
    if ((from !== undefined && date < from) || (to !== undefined && date > to)) return;
    if (genreIds.length > 0 && !(anyGenre ? genreIds.some((id) => film.genre_ids.includes(id)) : genreIds.every((id) => film.genre_ids.includes(id)))) return;
    if (language !== undefined && film.original_language !== language) return;
    positions.push(position);
  });
  return sortPositions(films, positions, params.sort_by);
}

function sortPositions(films: readonly TmdbListItem[], positions: number[], sortBy = 'popularity.desc'): number[] {
  const [field, direction] = sortBy.split('.');
  const key = SORT_KEYS[field ?? ''];
  // Positions are already in popularity-descending order: the default needs no sort.
  if (key === undefined || (field === 'popularity' && direction !== 'asc')) return positions;
  const sign = direction === 'asc' ? 1 : -1;
  return positions.sort((a, b) => {
    const [x, y] = [key(films[a]!), key(films[b]!)];
    return (x < y ? -sign : x > y ? sign : 0) || a - b;
  });
}
