import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { profileLandedFields } from '../../../assets/raw/landed-field-profile.ts';
import { SchemaValidationError, type JsonObject } from '../../../runtime/index.ts';
import { inputFromRows, materializeForTest } from '../../../runtime/testing.ts';
import { rawMovies, rawReleases, schemaAlignment } from './fixtures.ts';
import { compareFields, declaredFields } from '../../../assets/intermediate/schema-drift.ts';
import { tmdbListItemSchema } from '../../../assets/sources/tmdb-schemas.ts';

const alignment = schemaAlignment;

const tmdbItem = (id: number): Record<string, unknown> => ({
  adult: false, backdrop_path: null, genre_ids: [18], id, original_language: 'en', original_title: 'Heat', overview: '',
  popularity: 1.5, poster_path: '/p.jpg', release_date: '1995-12-15', title: 'Heat', video: false, vote_average: 7.9, vote_count: 10,
});
const discogsItem = (id: number): Record<string, unknown> => ({
  id, type: 'release', title: 'Elliot Goldenthal - Heat', genre: ['Stage & Screen'], style: ['Score'], format: ['CD'],
  year: '1995', country: 'US', master_id: 0, master_url: null, label: ['Warner'], catno: 'W-1', barcode: [], uri: '/release/1',
  resource_url: 'https://api.discogs.com/releases/1', thumb: '', cover_image: '', community: { want: 1, have: 2 }, format_quantity: 1,
});

function align(tmdbRecords: unknown[], discogsRecords: unknown[]) {
  const metadata = (records: unknown[]): JsonObject => ({ field_profile: profileLandedFields(records) });
  return materializeForTest(alignment, {
    tmdb: inputFromRows(rawMovies, [], metadata(tmdbRecords)),
    discogs: inputFromRows(rawReleases, [], metadata(discogsRecords)),
  });
}

describe('intermediate/schema_alignment', () => {
  it('reports every declared field ok and passes its check when what landed matches', async () => {
    const { rows, checks } = await align([tmdbItem(1), tmdbItem(2)], [discogsItem(1)]);
    assert.deepEqual([...new Set(rows.map((row) => row.status))], ['ok']);
    assert.equal(rows.filter((row) => row.source === 'tmdb').length, 14);
    assert.deepEqual(checks, [{ name: 'no_breaking_drift', blocking: true, passed: true, message: null, metadata: {} }]);
  });

  it('detects a missing required field and a retyped one, and fails its blocking check', async () => {
    const drifted = [tmdbItem(1), tmdbItem(2)].map(({ release_date: _dropped, ...item }) => ({ ...item, id: String(item.id) }));
    const { rows, checks } = await align(drifted, [discogsItem(1)]);
    const byField = new Map(rows.filter((row) => row.source === 'tmdb').map((row) => [row.field, row]));
    assert.equal(byField.get('release_date')?.status, 'missing');
    assert.equal(byField.get('release_date')?.breaking, true);
    assert.equal(byField.get('id')?.status, 'retyped');
    assert.deepEqual(byField.get('id')?.declared_types, ['integer']);
    assert.deepEqual(byField.get('id')?.landed_types, ['string']);
    assert.equal(checks[0]?.passed, false);
    assert.equal(checks[0]?.blocking, true);
    assert.match(checks[0]?.message ?? '', /tmdb\.id \(retyped.*tmdb\.release_date \(missing/);
  });

  it('reports new fields, missing optional fields and unexpected nulls without breaking', async () => {
    const { country: _dropped, ...noCountry } = discogsItem(1);
    const { rows, checks } = await align(
      [{ ...tmdbItem(1), media_type: 'movie' }, { ...tmdbItem(2), title: null }],
      [noCountry, { ...discogsItem(2), country: undefined }],
    );
    const status = (source: string, field: string) => rows.find((row) => row.source === source && row.field === field);
    assert.equal(status('tmdb', 'media_type')?.status, 'new');
    assert.equal(status('tmdb', 'title')?.status, 'unexpected_nulls');
    assert.equal(status('tmdb', 'title')?.null_rate, 0.5);
    assert.equal(status('discogs', 'country')?.status, 'missing');
    assert.equal(rows.some((row) => row.breaking), false);
    assert.equal(checks[0]?.passed, true);
  });

  it('refuses an upstream version that carries no landed-field profile', async () => {
    await assert.rejects(
      materializeForTest(alignment, { tmdb: inputFromRows(rawMovies, [], {}), discogs: inputFromRows(rawReleases, [], {}) }),
      (error: unknown) => error instanceof SchemaValidationError && error.message.includes('raw/tmdb_movies'),
    );
  });
});

describe('drift versus bad records', () => {
  it('a required field retyped in a few records is stray data, not breaking drift; in most records it breaks', () => {
    const item = (id: unknown) => ({ id, title: 'Heat', release_date: '1995-12-15', genre_ids: [] });
    const declared = declaredFields(tmdbListItemSchema);
    const few = compareFields(declared, profileLandedFields([item('1'), item(2), item(3), item(4)])).find((d) => d.field === 'id')!;
    assert.deepEqual([few.status, few.breaking], ['stray_types', false]);
    assert.equal(few.detail, 'declared integer, landed string in 1 of 4 records');
    const most = compareFields(declared, profileLandedFields([item('1'), item('2'), item('3'), item(4)])).find((d) => d.field === 'id')!;
    assert.deepEqual([most.status, most.breaking], ['retyped', true]);
  });
});
