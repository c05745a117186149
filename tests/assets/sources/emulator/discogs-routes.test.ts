import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalogue } from '../../../../assets/sources/emulator/catalogue.ts';
import { createEmulator } from '../../../../assets/sources/emulator/emulator-app.ts';
import { DEFAULT_CREDENTIALS } from '../../../../assets/sources/emulator/in-process-defaults.ts';
import { jsonOf } from '../../../support/json.ts';
import { discogsGet, USER_AGENT, type DiscogsReleasePage } from './emulator-requests.ts';

/** `/releases/{id}` as the tests read it. */
interface ReleaseBody {
  readonly id: number;
  readonly year: number;
  readonly released?: string;
  readonly title: string;
  readonly artists: readonly { readonly name: string }[];
  readonly formats: readonly { readonly qty: string }[];
  readonly tracklist: readonly { readonly type_: string }[];
  readonly master_id?: number;
}

/** `/masters/{id}` as the tests read it. */
interface MasterBody {
  readonly id: number;
  readonly main_release: number;
  readonly main_release_url: string;
}

const SEARCH = '/database/search';

describe('emulated Discogs', () => {
  const catalogue = buildCatalogue({ films: 3_000, seed: 11 });
  const emulator = createEmulator({ catalogue, discogs: { rateLimit: false } });
  const releases = catalogue.releases;

  it('filters a search by genre, style and year, in relevance order, with the live item shape', async () => {
    const expected = releases.filter((r) => r.item.genre.includes('Stage & Screen') && r.item.style.includes('Soundtrack') && r.item.year === '1999');
    const page = await jsonOf<DiscogsReleasePage>(discogsGet(emulator, `${SEARCH}?type=release&genre=Stage+%26+Screen&style=Soundtrack&year=1999&per_page=100`));
    assert.equal(page.pagination.items, expected.length);
    assert.deepEqual(page.results.map((item) => item.id), expected.slice(0, 100).map((release) => release.id));
    const first = page.results[0]!;
    assert.match(first.title, / - /);
    assert.equal(typeof first.year, 'string');
    assert.equal(first.type, 'release');
    assert.ok(Array.isArray(first.formats) && typeof first.formats[0]?.qty === 'string');
    assert.equal(first.resource_url, `${emulator.urls.discogs}/releases/${first.id}`, 'links point back at the emulator');
    const { item, facts } = expected[0]!;
    const links = JSON.parse(JSON.stringify(item).replaceAll('https://api.discogs.com', emulator.urls.discogs)) as typeof item;
    assert.deepEqual(first, {
      ...links,
      formats: [{ name: facts.formatName, qty: '1', descriptions: [...facts.formatDescriptions] }],
      user_data: { in_wantlist: false, in_collection: false },
    });
  });

  it('matches q, title (artist + title), release_title, artist, format and country', async () => {
    const target = releases.find((release) => release.kind === 'film-soundtrack' && release.facts.artist !== 'Various' && release.item.country !== undefined)!;
    const count = async (query: string) => (await jsonOf<DiscogsReleasePage>(discogsGet(emulator, `${SEARCH}?${query}`))).pagination.items;
    const ids = async (query: string) => (await jsonOf<DiscogsReleasePage>(discogsGet(emulator, `${SEARCH}?${query}&per_page=100`))).results.map((item) => item.id);
    const artist = encodeURIComponent(target.facts.artist);
    assert.ok((await ids(`artist=${artist}`)).includes(target.id));
    assert.ok((await ids(`title=${encodeURIComponent(target.item.title)}`)).includes(target.id));
    assert.ok((await ids(`release_title=${encodeURIComponent(target.facts.releaseTitle)}`)).includes(target.id));
    assert.ok((await ids(`q=${encodeURIComponent(target.facts.releaseTitle)}&country=${target.item.country}&format=${target.item.format[0]}`)).includes(target.id));
    assert.ok((await count('q=soundtrack')) > (await count('q=film+soundtrack')));
    assert.equal(await count('q=zzzz-nothing'), 0);
    assert.equal(await count('type=artist&q=soundtrack'), 0);
  });

  it('finds the soundtracks filed outside Stage & Screen only by a per-film search', async () => {
    const byId = new Map(releases.map((release) => [release.id, release]));
    const film = catalogue.films.find((candidate) => {
      const pair = catalogue.truth.find((truth) => truth.tmdb_id === candidate.id && truth.kind === 'no-stage-and-screen');
      return pair !== undefined && byId.get(pair.discogs_id)!.item.year !== undefined && !pair.traits.includes('variant-title');
    })!;
    const pair = catalogue.truth.find((truth) => truth.tmdb_id === film.id && truth.kind === 'no-stage-and-screen')!;
    const release = byId.get(pair.discogs_id)!;
    const year = release.item.year!;
    const bulk = await jsonOf<DiscogsReleasePage>(discogsGet(emulator, `${SEARCH}?genre=Stage+%26+Screen&style=Soundtrack&year=${year}&per_page=100`));
    assert.equal(bulk.pagination.items, releases.filter((r) => r.item.genre.includes('Stage & Screen') && r.item.style.includes('Soundtrack') && r.item.year === year).length);
    const bulkIds = new Set<number>();
    for (let page = 1; page <= bulk.pagination.pages; page++) {
      const { results } = await jsonOf<DiscogsReleasePage>(discogsGet(emulator, `${SEARCH}?genre=Stage+%26+Screen&style=Soundtrack&year=${year}&per_page=100&page=${page}`));
      for (const item of results) bulkIds.add(item.id);
    }
    assert.ok(!bulkIds.has(release.id));
    const query = release.item.title.includes(' = ') ? release.facts.releaseTitle : film.title;
    const targeted = await jsonOf<DiscogsReleasePage>(discogsGet(emulator, `${SEARCH}?q=${encodeURIComponent(query)}&type=release&year=${year}&per_page=100`));
    assert.ok(targeted.results.some((item) => item.id === release.id), `q=${query} year=${year}`);
  });

  it('paginates with per_page (default 50, clamped to 100), urls holding only existing neighbours, and a Link header', async () => {
    const query = `${SEARCH}?q=soundtrack&type=release`;
    const first = await discogsGet(emulator, query);
    const body = await jsonOf<DiscogsReleasePage>(first);
    const { pagination } = body;
    assert.equal(pagination.per_page, 50);
    assert.equal(pagination.pages, Math.min(100, Math.ceil(pagination.items / 50)));
    assert.deepEqual(Object.keys(pagination.urls).sort(), ['last', 'next']);
    const origin = new URL(emulator.urls.discogs).origin;
    assert.equal(pagination.urls.next, `${origin}/discogs/database/search?q=soundtrack&type=release&per_page=50&page=2`);
    assert.equal(first.headers.get('link'), `<${pagination.urls.next}>; rel=next, <${pagination.urls.last}>; rel=last`);
    const middle = await jsonOf<DiscogsReleasePage>(discogsGet(emulator, `${query}&page=2&per_page=500`));
    assert.equal(middle.pagination.per_page, 100);
    assert.deepEqual(Object.keys(middle.pagination.urls).sort(), ['first', 'last', 'next', 'prev']);
    assert.equal(middle.results.length, 100);
    const lastPage = middle.pagination.pages;
    const last = await jsonOf<DiscogsReleasePage>(discogsGet(emulator, `${query}&per_page=100&page=${lastPage}`));
    assert.deepEqual(Object.keys(last.pagination.urls).sort(), ['first', 'prev']);
    const single = await discogsGet(emulator, `${SEARCH}?title=${encodeURIComponent(releases[0]!.item.title)}`);
    assert.deepEqual((await jsonOf<DiscogsReleasePage>(single)).pagination.urls, {});
    assert.equal(single.headers.get('link'), null);
  });

  it('clamps search depth to 100 pages and refuses page 101 with a 403', async () => {
    // 3,000 films hold ~9,000 releases: per_page=5 makes ~1,800 pages' worth of items.
    const deep = await jsonOf<DiscogsReleasePage>(discogsGet(emulator, `${SEARCH}?per_page=5`));
    assert.equal(deep.pagination.items, releases.length);
    assert.equal(deep.pagination.pages, 100);
    assert.equal((await jsonOf<DiscogsReleasePage>(discogsGet(emulator, `${SEARCH}?per_page=5&page=100`))).results.length, 5);
    const beyond = await discogsGet(emulator, `${SEARCH}?per_page=5&page=101`);
    assert.equal(beyond.status, 403);
    assert.deepEqual(await jsonOf<unknown>(beyond), { message: 'Pagination above 100 disabled for database search.' });
    const pastEnd = await jsonOf<DiscogsReleasePage>(discogsGet(emulator, `${SEARCH}?q=soundtrack&style=Score&year=1999&page=99`));
    assert.deepEqual(pastEnd.results, []);
  });

  it('renders /releases/{id}: year an int, released partial, artists, formats, tracklist with type_, no nulls but lowest_price', async () => {
    const withMaster = releases.find((release) => release.item.master_id !== 0 && release.facts.released !== undefined)!;
    const details = await jsonOf<ReleaseBody>(discogsGet(emulator, `/releases/${withMaster.id}`));
    assert.equal(details.id, withMaster.id);
    assert.equal(details.year, Number(withMaster.item.year));
    assert.equal(details.released, withMaster.facts.released);
    assert.equal(details.title, withMaster.facts.releaseTitle);
    assert.ok(details.artists.length >= 1 && typeof details.artists[0]?.name === 'string');
    assert.equal(typeof details.formats[0]?.qty, 'string');
    assert.ok(details.tracklist.every((track) => ['track', 'heading', 'index'].includes(track.type_)));
    assert.equal(details.master_id, withMaster.item.master_id);
    const nulls = Object.entries(details).filter(([, value]) => value === null).map(([key]) => key);
    assert.ok(nulls.every((key) => key === 'lowest_price'), nulls.join());
    const yearless = releases.find((release) => release.item.year === undefined && release.item.master_id === 0)!;
    const sparse = await jsonOf<ReleaseBody>(discogsGet(emulator, `/releases/${yearless.id}`));
    assert.equal(sparse.year, 0);
    assert.ok(!('released' in sparse) && !('master_id' in sparse) && !('master_url' in sparse));
  });

  it('renders /masters/{id} with its main release, and answers unknown ids with 404 messages', async () => {
    const release = releases.find((candidate) => candidate.item.master_id !== 0)!;
    const master = await jsonOf<MasterBody>(discogsGet(emulator, `/masters/${release.item.master_id}`));
    assert.equal(master.id, release.item.master_id);
    const versions = releases.filter((candidate) => candidate.item.master_id === release.item.master_id).map((candidate) => candidate.id);
    assert.ok(versions.includes(master.main_release));
    assert.equal(master.main_release_url, `${emulator.urls.discogs}/releases/${master.main_release}`);
    for (const [path, message] of [['/releases/1', 'Release not found.'], ['/masters/1', 'Master Release not found.'], ['/artists/1', 'The requested resource was not found.']]) {
      const response = await discogsGet(emulator, path!);
      assert.equal(response.status, 404);
      assert.deepEqual(await jsonOf<unknown>(response), { message });
    }
  });

  it('wants a User-Agent (403) and credentials for search (401), by header or query parameter', async () => {
    const url = `${emulator.urls.discogs}${SEARCH}?q=score`;
    const noAgent = await emulator.fetch(url, { headers: { authorization: `Discogs token=${DEFAULT_CREDENTIALS.discogsToken}` } });
    assert.equal(noAgent.status, 403);
    assert.match(noAgent.headers.get('content-type') ?? '', /text\/html/);
    const anonymous = await emulator.fetch(url, { headers: { 'user-agent': USER_AGENT } });
    assert.equal(anonymous.status, 401);
    assert.deepEqual(await jsonOf<unknown>(anonymous), { message: 'You must authenticate to access this resource.' });
    assert.equal((await discogsGet(emulator, `${SEARCH}?q=score`, { authorization: 'Discogs token=wrong' })).status, 401);
    const { discogsToken, discogsKey, discogsSecret } = DEFAULT_CREDENTIALS;
    assert.equal((await emulator.fetch(`${url}&token=${discogsToken}`, { headers: { 'user-agent': USER_AGENT } })).status, 200);
    const keyed = await emulator.fetch(url, { headers: { 'user-agent': USER_AGENT, authorization: `Discogs key=${discogsKey}, secret=${discogsSecret}` } });
    assert.equal(keyed.status, 200);
    const release = await emulator.fetch(`${emulator.urls.discogs}/releases/${releases[0]!.id}`, { headers: { 'user-agent': USER_AGENT } });
    assert.equal(release.status, 200, 'release details are public');
    const strict = createEmulator({ catalogue, discogs: { rateLimit: false, requireAuth: 'all' } });
    assert.equal((await strict.fetch(`${strict.urls.discogs}/releases/${releases[0]!.id}`, { headers: { 'user-agent': USER_AGENT } })).status, 401);
  });
});
