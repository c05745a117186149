// GET /lineage: JSON or Mermaid, chosen by ?format= or the Accept header.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Lineage } from '../../runtime/index.ts';
import { jsonOf, type ErrorBody } from '../support/json.ts';
import type { TempLake } from '../support/temp-lake.ts';
import { MIXED_STATUSES } from './fixtures/small-graph.ts';
import { createMixedLake, createTestApp } from './fixtures/test-app.ts';

describe('GET /lineage', () => {
  let lake: TempLake;
  before(async () => { lake = await createMixedLake(); });
  after(async () => { await lake.cleanup(); });

  it('returns JSON by default: every asset with layer, status, upstream and downstream, and the edges', async () => {
    const { app } = createTestApp(lake);
    const response = await app.request('/lineage');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
    const lineage = await jsonOf<Lineage>(response);
    assert.deepEqual(Object.fromEntries(lineage.assets.map((a) => [a.key, a.status])), MIXED_STATUSES);
    const matches = lineage.assets.find((a) => a.key === 'gold/matches')!;
    assert.deepEqual(matches.upstream, ['intermediate/films', 'intermediate/releases']);
    assert.deepEqual(matches.downstream, ['metrics/match_count']);
    assert.ok(lineage.edges.some((e) => e.from === 'gold/matches' && e.to === 'metrics/match_count'));
    assert.equal(lineage.edges.length, 6);
  });

  it('returns Mermaid for ?format=mermaid, Accept: text/vnd.mermaid or text/plain', async () => {
    const { app } = createTestApp(lake);
    const requests = [
      app.request('/lineage?format=mermaid'),
      app.request('/lineage', { headers: { Accept: 'text/vnd.mermaid' } }),
      app.request('/lineage', { headers: { Accept: 'text/plain' } }),
    ];
    for (const response of await Promise.all(requests)) {
      assert.equal(response.status, 200);
      assert.match(response.headers.get('Content-Type') ?? '', /^text\/vnd\.mermaid/);
      const text = await response.text();
      assert.match(text, /^flowchart LR\n/);
      assert.match(text, /gold_matches --> metrics_match_count/);
      assert.match(text, /class intermediate_films,gold_matches,metrics_match_count stale/);
      assert.match(text, /class gold_decades missing/);
    }
  });

  it('lets ?format= win over Accept, and rejects an unknown format', async () => {
    const { app } = createTestApp(lake);
    const forced = await app.request('/lineage?format=json', { headers: { Accept: 'text/plain' } });
    assert.match(forced.headers.get('Content-Type') ?? '', /^application\/json/);
    const browser = await app.request('/lineage', { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    assert.match(browser.headers.get('Content-Type') ?? '', /^application\/json/);
    const bad = await app.request('/lineage?format=svg');
    assert.equal(bad.status, 400);
    assert.equal((await jsonOf<ErrorBody>(bad)).error.code, 'INVALID_REQUEST');
  });
});
