/**
 * A release draft written out as Discogs serves it in a search (`Artist - Title`, `year` a string or absent,
 * `master_id` 0 without a master), with the facts its `/releases/{id}` rendering needs and its search words.
 */
import type { DiscogsSearchItem } from '../discogs-schemas.ts';
import { SAMPLE_LABELS } from '../sample-films.ts';
import type { SeededRandom } from '../seeded-random.ts';
import type { AllocateId } from './catalogue-films.ts';
import type { ReleaseDraft, ReleaseKind } from './release-draft.ts';
import { COUNTRIES, FORMATS } from './vocabulary.ts';

export interface ReleaseFacts {
  readonly artist: string;
  /** The title without the artist, as `/releases/{id}` has it. */
  readonly releaseTitle: string;
  readonly formatName: string;
  readonly formatDescriptions: readonly string[];
  /** "1999", "1999-03-00" or "1999-03-15"; absent when the year is unknown. */
  readonly released?: string;
  readonly notes: readonly string[];
  // The search item's facets, here too: a bulk search indexes them for every release, and composing every
  // search item for it (the emulator's first answer waited ~0.3 s on that) is work the pages do as they go.
  readonly genres: readonly string[];
  readonly styles: readonly string[];
  readonly year: number | null;
}

export interface CatalogueRelease {
  /** The Discogs release id (`item.id`). */
  readonly id: number;
  /** Exactly what `/database/search` serves for it. */
  readonly item: DiscogsSearchItem;
  readonly kind: ReleaseKind;
  /** `film-soundtrack`: the film. */
  readonly filmId?: number;
  /** Decoys aimed at a catalogue film. */
  readonly decoyOf?: number;
  readonly facts: ReleaseFacts;
}

/** What is drawn for a release when the catalogue is built; strings are composed from it on first use. */
interface ReleaseDraws {
  readonly id: number;
  readonly country: string | undefined;
  readonly label: string;
  readonly catno: string;
  readonly barcode: string | undefined;
  readonly want: number;
  readonly have: number;
}

/**
 * Draws everything random now (so the catalogue is fixed by its seed) and composes the search item and the
 * search words on first use: most of a 30,000-release build's cost would otherwise be strings nobody reads.
 */
class Release implements CatalogueRelease {
  readonly id: number;
  readonly kind: ReleaseKind;
  readonly filmId?: number;
  readonly decoyOf?: number;
  readonly facts: ReleaseFacts;
  readonly #draft: ReleaseDraft;
  readonly #draws: ReleaseDraws;
  #item: DiscogsSearchItem | undefined;

  constructor(draft: ReleaseDraft, draws: ReleaseDraws, facts: ReleaseFacts) {
    this.id = draws.id;
    this.kind = draft.kind;
    if (draft.filmId !== undefined) this.filmId = draft.filmId;
    if (draft.decoyOf !== undefined) this.decoyOf = draft.decoyOf;
    this.facts = facts;
    this.#draft = draft;
    this.#draws = draws;
  }

  get item(): DiscogsSearchItem {
    return (this.#item ??= searchItemOf(this.#draft, this.#draws, this.facts));
  }
}

export function buildRelease(random: SeededRandom, ids: AllocateId, draft: ReleaseDraft): CatalogueRelease {
  const id = ids(10_000, 32_000_000);
  const [formatName, formatDescriptions] = random.pick(FORMATS);
  const draws: ReleaseDraws = {
    id,
    country: random.chance(0.06) ? undefined : random.pick(COUNTRIES),
    label: random.pick(SAMPLE_LABELS),
    catno: `${catalogueLetters(random)}-${random.int(100, 9999)}`,
    barcode: random.chance(0.7) ? String(random.int(100_000_000, 999_999_999)) + String(random.int(1000, 9999)) : undefined,
    want: random.int(0, 5000),
    have: random.int(0, 9000),
  };
  const released = draft.year === null ? undefined : releasedDate(random, draft.year);
  const facts: ReleaseFacts = { artist: draft.artist, releaseTitle: draft.title, formatName, formatDescriptions, notes: draft.notes, genres: draft.genres, styles: draft.styles, year: draft.year };
  return new Release(draft, draws, released === undefined ? facts : { ...facts, released });
}

/** Built key by key (in the live API's order) rather than by spreads: 30,000 of these are composed at once. */
function searchItemOf(draft: ReleaseDraft, draws: ReleaseDraws, facts: ReleaseFacts): DiscogsSearchItem {
  const { id } = draws;
  const fullTitle = fullTitleOf(facts);
  const item: DiscogsSearchItem = { id, type: 'release', title: fullTitle, genre: draft.genres, style: draft.styles, format: formatOf(facts) };
  if (draft.year !== null) item.year = String(draft.year);
  if (draws.country !== undefined) item.country = draws.country;
  item.master_id = draft.masterId;
  item.master_url = draft.masterId === 0 ? null : `https://api.discogs.com/masters/${draft.masterId}`;
  item.label = [draws.label];
  item.catno = draws.catno;
  item.barcode = draws.barcode === undefined ? [] : [draws.barcode];
  // Empty, as the live API sends image URLs to unauthenticated searches (research §2.2).
  item.thumb = '';
  item.cover_image = '';
  item.uri = `/release/${id}-${slugOf(fullTitle)}`;
  item.resource_url = `https://api.discogs.com/releases/${id}`;
  item.community = { want: draws.want, have: draws.have };
  item.format_quantity = 1;
  return item;
}

/** Discogs' search title: "Artist Name - Release Title". */
export function fullTitleOf(facts: ReleaseFacts): string {
  return `${facts.artist} - ${facts.releaseTitle}`;
}

/** The search item's `format`: the format's name, then its descriptions. */
export function formatOf(facts: ReleaseFacts): string[] {
  return [facts.formatName, ...facts.formatDescriptions];
}

/** What a free-text search (`q`) reads of a release: its full title, genres, styles and notes (credits). */
export function searchTextOf(facts: ReleaseFacts): string {
  return [fullTitleOf(facts), ...facts.genres, ...facts.styles, ...facts.notes].join(' ');
}

/** Runs of anything but letters and digits become "-", as in Discogs' release URIs. */
function slugOf(title: string): string {
  return /^[\x20-\x7e]*$/.test(title) ? title.replace(/[^A-Za-z0-9]+/g, '-') : title.replace(/[^\p{L}\p{N}]+/gu, '-');
}

/** Discogs' partial dates: a year alone, a month with day 00, or a full date. */
function releasedDate(random: SeededRandom, year: number): string {
  const roll = random.next();
  if (roll < 0.5) return String(year);
  const month = String(random.int(1, 12)).padStart(2, '0');
  return roll < 0.7 ? `${year}-${month}-00` : `${year}-${month}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

/** Three capital letters from one draw. */
function catalogueLetters(random: SeededRandom): string {
  const n = random.int(0, 26 ** 3 - 1);
  return String.fromCharCode(65 + (n % 26), 65 + (Math.floor(n / 26) % 26), 65 + Math.floor(n / 676));
}

/**
 * The words a free-text search compares: lowercase, Latin diacritics folded, apostrophes dropped ("Ted's"
 * is one word), split on anything that is not a letter or digit.
 */
export function searchTokens(text: string): string[] {
  const lower = text.toLowerCase();
  // Most text is ASCII: skip the Unicode folding and the Unicode-aware regex for it.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower.replace(/'/g, '').match(/[a-z0-9]+/g) ?? [];
  const folded = lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’]/g, '');
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}
