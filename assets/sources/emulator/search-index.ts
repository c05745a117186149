/**
 * The Discogs side's read model: `/database/search` answered from per-field posting lists (built lazily,
 * one field at a time, on first use) intersected once per distinct query and cached; releases and masters by id.
 */
import { createBoundedCache, intersectSorted } from './bounded-cache.ts';
import { formatOf, fullTitleOf, searchTextOf, searchTokens, type CatalogueRelease } from './release-records.ts';

export interface SearchIndex {
  readonly releases: readonly CatalogueRelease[];
  /** Positions (into `releases`, relevance order) of the releases matching every recognized parameter. */
  search(params: Readonly<Record<string, string>>): readonly number[];
  release(id: number): CatalogueRelease | undefined;
  /** The releases of a master, or undefined when no release has it. */
  master(id: number): readonly CatalogueRelease[] | undefined;
}

/** Free-text fields: every word of the value must be among the field's words. */
const TOKEN_FIELDS: Readonly<Record<string, (release: CatalogueRelease) => string>> = {
  q: ({ facts }) => searchTextOf(facts),
  // Discogs: `title` searches the combined "Artist Name - Release Title" field.
  title: ({ facts }) => fullTitleOf(facts),
  release_title: (release) => release.facts.releaseTitle,
  artist: (release) => release.facts.artist,
  label: (release) => (release.item.label ?? []).join(' '),
};

/** Exact fields: the value (case-insensitive) must be one of the field's values. */
const EXACT_FIELDS: Readonly<Record<string, (release: CatalogueRelease) => readonly string[]>> = {
  genre: (release) => release.facts.genres,
  style: (release) => release.facts.styles,
  format: ({ facts }) => formatOf(facts),
  country: (release) => (release.item.country === undefined ? [] : [release.item.country]),
  year: ({ facts }) => (facts.year === null ? [] : [String(facts.year)]),
  catno: (release) => (release.item.catno === undefined ? [] : [release.item.catno]),
  barcode: (release) => release.item.barcode ?? [],
};

export function createSearchIndex(releases: readonly CatalogueRelease[]): SearchIndex {
  const all = releases.map((_, position) => position);
  const postings = new Map<string, Map<string, number[]>>();
  const cache = createBoundedCache<readonly number[]>(2_000);
  let byId: Map<number, CatalogueRelease> | undefined;
  let masters: Map<number, CatalogueRelease[]> | undefined;
  const field = (name: string) => {
    let index = postings.get(name);
    if (index === undefined) postings.set(name, (index = buildPostings(releases, name)));
    return index;
  };
  return {
    releases,
    search(params) {
      const terms = termsOf(params);
      if (terms === undefined) return [];
      if (terms.length === 0) return all;
      return cache.get(terms.map(([name, value]) => `${name}=${value}`).join('&'), () =>
        intersectSorted(terms.map(([name, value]) => field(name).get(value) ?? [])),
      );
    },
    release: (id) => (byId ??= new Map(releases.map((release) => [release.id, release]))).get(id),
    master: (id) => (masters ??= groupByMaster(releases)).get(id),
  };
}

/** [field, value] pairs, sorted; undefined when the query cannot match (a `type` other than release). */
function termsOf(params: Readonly<Record<string, string>>): Array<[string, string]> | undefined {
  if (params.type !== undefined && params.type !== '' && params.type.toLowerCase() !== 'release') return undefined;
  const terms: Array<[string, string]> = [];
  for (const [name, raw] of Object.entries(params)) {
    const value = raw.trim();
    if (value === '') continue;
    if (name in TOKEN_FIELDS) for (const token of new Set(searchTokens(value))) terms.push([name, token]);
    else if (name in EXACT_FIELDS) terms.push([name, value.toLowerCase()]);
  }
  return terms.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
}

function buildPostings(releases: readonly CatalogueRelease[], name: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  const add = (key: string, position: number) => {
    const list = index.get(key);
    if (list === undefined) index.set(key, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  };
  const tokens = TOKEN_FIELDS[name];
  const exact = EXACT_FIELDS[name];
  releases.forEach((release, position) => {
    if (tokens !== undefined) {
      for (const word of searchTokens(tokens(release))) add(word, position);
    } else if (exact !== undefined) {
      for (const value of exact(release)) add(value.toLowerCase(), position);
    }
  });
  return index;
}

function groupByMaster(releases: readonly CatalogueRelease[]): Map<number, CatalogueRelease[]> {
  const masters = new Map<number, CatalogueRelease[]>();
  for (const release of releases) {
    const masterId = release.item.master_id ?? 0;
    if (masterId === 0) continue;
    const versions = masters.get(masterId);
    if (versions === undefined) masters.set(masterId, [release]);
    else versions.push(release);
  }
  return masters;
}
