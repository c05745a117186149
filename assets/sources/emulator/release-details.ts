/**
 * Discogs' `GET /releases/{id}` and `GET /masters/{id}` for catalogue releases: `year` an int (0 unknown),
 * `released` a partial date, tracklist entries with `type_`, and empty values omitted rather than null.
 */
import { idRandom } from './id-random.ts';
import type { CatalogueRelease } from './release-records.ts';
import { ADJECTIVES, NOUNS } from './vocabulary.ts';

type Json = Record<string, unknown>;
const API = 'https://api.discogs.com';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function releaseDetails(release: CatalogueRelease, seed: number): Json {
  const { item, facts } = release;
  const random = idRandom(seed, release.id, 2);
  const year = item.year === undefined ? 0 : Number(item.year);
  const details: Json = {
    id: release.id,
    status: 'Accepted',
    year,
    resource_url: `${API}/releases/${release.id}`,
    uri: `https://www.discogs.com${item.uri ?? `/release/${release.id}`}`,
    artists: artistsOf(facts.artist),
    artists_sort: facts.artist,
    labels: (item.label ?? []).map((name) => ({ name, catno: item.catno ?? 'none', entity_type: '1', entity_type_name: 'Label', id: nameId(name), resource_url: `${API}/labels/${nameId(name)}` })),
    series: [],
    formats: [{ name: facts.formatName, qty: '1', descriptions: [...facts.formatDescriptions] }],
    data_quality: random.chance(0.7) ? 'Needs Vote' : 'Correct',
    community: { have: item.community?.have ?? 0, want: item.community?.want ?? 0, rating: { count: random.int(0, 200), average: random.int(300, 500) / 100 }, data_quality: 'Needs Vote', status: 'Accepted' },
    format_quantity: 1,
    date_added: '2012-06-01T08:00:00-07:00',
    date_changed: '2024-01-15T10:30:00-07:00',
    num_for_sale: random.int(0, 60),
    // The one key Discogs sends as null rather than omitting (research §2.3).
    lowest_price: random.chance(0.3) ? null : random.int(199, 9999) / 100,
    title: facts.releaseTitle,
    genres: [...item.genre],
    tracklist: tracklistOf(random, facts.formatName),
    estimated_weight: 85,
    blocked_from_sale: false,
    is_offensive: false,
    thumb: '',
  };
  if (item.master_id !== undefined && item.master_id !== 0) Object.assign(details, { master_id: item.master_id, master_url: `${API}/masters/${item.master_id}` });
  if (item.country !== undefined) details.country = item.country;
  if (facts.released !== undefined) Object.assign(details, { released: facts.released, released_formatted: formatReleased(facts.released) });
  if (item.style.length > 0) details.styles = [...item.style];
  if (facts.notes.length > 0) details.notes = notesOf(facts.notes);
  if (item.barcode !== undefined && item.barcode.length > 0) details.identifiers = item.barcode.map((value) => ({ type: 'Barcode', value }));
  if (release.kind === 'film-soundtrack' && facts.artist !== 'Various') {
    details.extraartists = [{ name: facts.artist, anv: '', join: '', role: 'Composed By', tracks: '', id: nameId(facts.artist), resource_url: `${API}/artists/${nameId(facts.artist)}` }];
  }
  return details;
}

/** The master of `versions` (all releases sharing its id): the earliest pressing is the main release. */
export function masterDetails(masterId: number, versions: readonly CatalogueRelease[], seed: number): Json {
  const byYear = [...versions].sort((a, b) => yearNumber(a) - yearNumber(b) || a.id - b.id);
  const dated = byYear.filter((release) => yearNumber(release) > 0);
  const main = dated[0] ?? byYear[0]!;
  const latest = byYear[byYear.length - 1]!;
  const random = idRandom(seed, masterId, 3);
  const details: Json = {
    id: masterId,
    main_release: main.id,
    main_release_url: `${API}/releases/${main.id}`,
    most_recent_release: latest.id,
    most_recent_release_url: `${API}/releases/${latest.id}`,
    num_for_sale: random.int(0, 120),
    lowest_price: random.chance(0.2) ? null : random.int(199, 4999) / 100,
    resource_url: `${API}/masters/${masterId}`,
    uri: `https://www.discogs.com/master/${masterId}`,
    versions_url: `${API}/masters/${masterId}/versions`,
    artists: artistsOf(main.facts.artist),
    genres: [...main.item.genre],
    year: dated.length === 0 ? 0 : yearNumber(main),
    tracklist: tracklistOf(idRandom(seed, main.id, 2), main.facts.formatName),
    title: main.facts.releaseTitle,
    data_quality: 'Correct',
  };
  if (main.item.style.length > 0) details.styles = [...main.item.style];
  return details;
}

function yearNumber(release: CatalogueRelease): number {
  return release.item.year === undefined ? 0 : Number(release.item.year);
}

/** "Trent Reznor & Atticus Ross" is two artists joined by "&"; "Various" is Discogs' artist 194. */
function artistsOf(artist: string): Json[] {
  const names = artist === 'Various' ? [artist] : artist.split(' & ');
  return names.map((name, index) => {
    const id = name === 'Various' ? 194 : nameId(name);
    return { name, anv: '', join: index < names.length - 1 ? '&' : '', role: '', tracks: '', id, resource_url: `${API}/artists/${id}`, thumbnail_url: '' };
  });
}

/** A stable id for an artist or label name. */
function nameId(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return 1_000 + ((hash >>> 0) % 9_000_000);
}

function tracklistOf(random: ReturnType<typeof idRandom>, formatName: string): Json[] {
  const count = random.int(8, 20);
  const isVinyl = formatName === 'Vinyl' || formatName === 'Cassette';
  const tracks: Json[] = [];
  if (random.chance(0.05)) tracks.push({ position: '', type_: 'heading', title: isVinyl ? 'Side One' : 'The Score', duration: '' });
  for (let index = 0; index < count; index++) {
    const position = isVinyl ? `${index < count / 2 ? 'A' : 'B'}${index < count / 2 ? index + 1 : index + 1 - Math.ceil(count / 2)}` : String(index + 1);
    const duration = random.chance(0.1) ? '' : `${random.int(0, 6)}:${String(random.int(0, 59)).padStart(2, '0')}`;
    const title = index === 0 ? 'Main Title' : index === count - 1 ? 'End Credits' : `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
    tracks.push({ position, type_: 'track', title, duration });
  }
  if (random.chance(0.03)) {
    const subTracks = [1, 2, 3].map((n) => ({ position: `${count + 1}.${n}`, type_: 'track', title: `Suite Part ${n}`, duration: '' }));
    tracks.push({ position: '', type_: 'index', title: 'Suite', duration: '', sub_tracks: subTracks });
  }
  return tracks;
}

function formatReleased(released: string): string {
  const [year, month, day] = released.split('-');
  if (month === undefined || month === '00') return year!;
  const name = MONTHS[Number(month) - 1] ?? month;
  return day === undefined || day === '00' ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** A notes sentence holding the words free-text search reads from it. */
function notesOf(words: readonly string[]): string {
  const phrase = words.join(' ');
  if (words.includes('tv')) return 'Music from the tv series.';
  if (words.includes('game')) return 'Music from the video game.';
  if (words.includes('inspired')) return 'Songs inspired by the film.';
  if (phrase === 'film') return 'Music from the film.';
  return `Credits list the ${phrase}.`;
}
