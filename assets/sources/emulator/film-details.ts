/**
 * TMDB's `GET /3/movie/{id}` for a catalogue film: the list item's fields plus details drawn per film id
 * (runtime 0 when unknown, imdb_id null for unreleased films, genres as {id, name}), keys in spec order.
 */
import type { TmdbListItem } from '../tmdb-schemas.ts';
import type { FilmFacts } from './catalogue-films.ts';
import { idRandom } from './id-random.ts';

/**
 * The service's own genre list (`/genre/movie/list`, en). Kept here rather than shared with the intermediate layer: the
 * emulator plays the remote service, whose data the pipeline must not be able to change.
 */
export const TMDB_GENRES: ReadonlyArray<{ id: number; name: string }> = [
  { id: 28, name: 'Action' }, { id: 12, name: 'Adventure' }, { id: 16, name: 'Animation' }, { id: 35, name: 'Comedy' },
  { id: 80, name: 'Crime' }, { id: 99, name: 'Documentary' }, { id: 18, name: 'Drama' }, { id: 10751, name: 'Family' },
  { id: 14, name: 'Fantasy' }, { id: 36, name: 'History' }, { id: 27, name: 'Horror' }, { id: 10402, name: 'Music' },
  { id: 9648, name: 'Mystery' }, { id: 10749, name: 'Romance' }, { id: 878, name: 'Science Fiction' },
  { id: 10770, name: 'TV Movie' }, { id: 53, name: 'Thriller' }, { id: 10752, name: 'War' }, { id: 37, name: 'Western' },
];
const GENRE_NAMES = new Map(TMDB_GENRES.map((genre) => [genre.id, genre.name]));

const COMPANIES: ReadonlyArray<{ id: number; name: string; origin_country: string }> = [
  { id: 25, name: '20th Century Fox', origin_country: 'US' }, { id: 33, name: 'Universal Pictures', origin_country: 'US' },
  { id: 4, name: 'Paramount Pictures', origin_country: 'US' }, { id: 174, name: 'Warner Bros. Pictures', origin_country: 'US' },
  { id: 2, name: 'Walt Disney Pictures', origin_country: 'US' }, { id: 7505, name: 'Marvel Entertainment', origin_country: 'US' },
  { id: 6194, name: 'Lucasfilm Ltd.', origin_country: 'US' }, { id: 10342, name: 'Studio Ghibli', origin_country: 'JP' },
  { id: 104, name: 'Canal+', origin_country: 'FR' }, { id: 41, name: 'Orion Pictures', origin_country: 'US' },
  { id: 14, name: 'Miramax', origin_country: 'US' }, { id: 491, name: 'Summit Entertainment', origin_country: 'US' },
];

const LANGUAGE_NAMES: Readonly<Record<string, readonly [string, string, string]>> = {
  en: ['English', 'English', 'US'], fr: ['French', 'Français', 'FR'], it: ['Italian', 'Italiano', 'IT'],
  es: ['Spanish', 'Español', 'ES'], de: ['German', 'Deutsch', 'DE'], ja: ['Japanese', '日本語', 'JP'],
  ko: ['Korean', '한국어/조선말', 'KR'], zh: ['Mandarin', '普通话', 'CN'], cn: ['Cantonese', '广州话 / 廣州話', 'HK'],
};
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  US: 'United States of America', FR: 'France', IT: 'Italy', ES: 'Spain', DE: 'Germany', JP: 'Japan', KR: 'South Korea', CN: 'China', HK: 'Hong Kong',
};

/** The details object; `film` is served as listed, with the detail-only fields drawn from (seed, id). */
export function movieDetails(film: TmdbListItem, facts: FilmFacts | undefined, seed: number): Record<string, unknown> {
  const random = idRandom(seed, film.id, 1);
  const isReleased = film.release_date !== '';
  const [englishName, nativeName, country] = LANGUAGE_NAMES[film.original_language ?? 'en'] ?? ['English', 'English', 'US'];
  const collection = facts?.collection;
  return {
    adult: film.adult ?? false,
    backdrop_path: film.backdrop_path ?? null,
    belongs_to_collection: collection === undefined ? null : { id: 10_000 + (film.id % 90_000), name: collection, poster_path: null, backdrop_path: null },
    budget: isReleased && random.chance(0.6) ? random.int(1, 250) * 1_000_000 : 0,
    genres: film.genre_ids.map((id) => ({ id, name: GENRE_NAMES.get(id) ?? 'Unknown' })),
    homepage: random.chance(0.4) ? `https://www.example.com/movies/${film.id}` : '',
    id: film.id,
    imdb_id: isReleased && random.chance(0.97) ? `tt${String(random.int(1, 9_999_999)).padStart(7, '0')}` : null,
    original_language: film.original_language ?? 'en',
    original_title: film.original_title ?? film.title,
    overview: film.overview ?? '',
    popularity: film.popularity ?? 0,
    poster_path: film.poster_path ?? null,
    production_companies: isReleased ? [{ ...random.pick(COMPANIES), logo_path: null }] : [],
    production_countries: [{ iso_3166_1: country, name: COUNTRY_NAMES[country] ?? country }],
    release_date: film.release_date,
    revenue: isReleased && random.chance(0.65) ? random.int(1, 2_000) * 1_000_000 : 0,
    // 0 when unknown, as `/movie/latest` shows (research §1.4).
    runtime: isReleased && random.chance(0.95) ? random.int(75, 190) : 0,
    spoken_languages: [{ english_name: englishName, iso_639_1: film.original_language ?? 'en', name: nativeName }],
    status: isReleased ? 'Released' : random.pick(['Planned', 'In Production', 'Post Production']),
    tagline: random.chance(0.7) ? `${film.title}.` : '',
    title: film.title,
    video: film.video ?? false,
    vote_average: film.vote_average ?? 0,
    vote_count: film.vote_count ?? 0,
  };
}

/** `append_to_response` entries the emulator can render; other names are ignored, as TMDB ignores them. */
export function appendedResources(film: TmdbListItem, facts: FilmFacts | undefined, details: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  for (const name of names) {
    if (name === 'external_ids') resources[name] = { imdb_id: details.imdb_id, wikidata_id: null, facebook_id: null, instagram_id: null, twitter_id: null };
    if (name === 'alternative_titles') resources[name] = { titles: film.original_title === film.title ? [] : [{ iso_3166_1: 'US', title: film.title, type: '' }] };
    if (name === 'keywords') resources[name] = { keywords: [] };
    if (name === 'credits') resources[name] = { cast: [], crew: facts === undefined ? [] : [composerCredit(film.id, facts.composer)] };
  }
  return resources;
}

function composerCredit(filmId: number, composer: string) {
  return { adult: false, department: 'Sound', job: 'Original Music Composer', name: composer, original_name: composer, credit_id: `c${filmId}`, id: 1_000_000 + (filmId % 1_000_000) };
}
