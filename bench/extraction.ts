/**
 * Extraction benchmarks over loopback HTTP, through the same clients live mode uses:
 *  - the original scale (10,000 films, ~30,000 releases) with no rate limits: requests per second and wall;
 *  - the Discogs bulk landing under a compressed moving window (60 requests per 2 s): wall against the floor
 *    the limit implies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CREDENTIALS, SAMPLE_SERVICES } from '../assets/sources/emulator/in-process-defaults.ts';
import { serveEmulator, type ServedEmulator } from '../assets/sources/emulator/serve-emulator.ts';
import type { SourceClientOptions } from '../assets/sources/http/source-http.ts';
import { createLocalStorage, materialize } from '../runtime/index.ts';
import { createGraphFromEnvironment } from '../assets/pipeline-graph.ts';

function liveEnv(served: ServedEmulator): Record<string, string> {
  return {
    MEDALLION_SOURCE: 'live',
    TMDB_BASE_URL: served.tmdbBaseUrl,
    DISCOGS_BASE_URL: served.discogsBaseUrl,
    TMDB_API_KEY: DEFAULT_CREDENTIALS.tmdbApiKey,
    DISCOGS_TOKEN: DEFAULT_CREDENTIALS.discogsToken,
    DISCOGS_USER_AGENT: 'medallion-bench/1.0',
  };
}

async function landBronze(served: ServedEmulator, selection: string, client: SourceClientOptions) {
  const lake = mkdtempSync(join(tmpdir(), 'medallion-bench-'));
  try {
    const graph = createGraphFromEnvironment(liveEnv(served), { client });
    const start = performance.now();
    const { summary } = await materialize({ graph, storage: createLocalStorage(lake), selection });
    const wallMs = performance.now() - start;
    if (summary.status !== 'succeeded') throw new Error(`bench extraction failed: ${JSON.stringify(summary.outcomes.filter((o) => o.type !== 'materialized'))}`);
    return { wallMs, rows: summary.outcomes.reduce((sum, outcome) => sum + outcome.rows, 0) };
  } finally {
    rmSync(lake, { recursive: true, force: true });
  }
}

/** All three raw landings at the original scale, no limits anywhere. */
export async function measureFullScaleExtraction() {
  const served = await serveEmulator({ films: 10_000, ...SAMPLE_SERVICES });
  try {
    const { wallMs, rows } = await landBronze(served, 'raw/tmdb_movies,raw/discogs_releases,+raw/discogs_film_searches', { rateLimit: false });
    const requests = served.emulator.stats.count();
    return { wallMs, rows, requests, requestsPerSecond: requests / (wallMs / 1000) };
  } finally {
    await served.close();
  }
}

/**
 * The Discogs bulk landing (~380 requests over 10 decade partitions) against a 60-per-2-s window that the
 * emulator enforces (as Discogs signals it) and the client follows.
 */
export async function measureCompressedWindow(limit = 60, windowMs = 2_000) {
  const served = await serveEmulator({ films: 10_000, tmdb: { rateLimit: false }, discogs: { rateLimit: { limit, windowMs } } });
  try {
    // Build the emulator's search index first (server-side work, ~0.4 s), then let the window empty.
    await served.emulator.fetch(`${served.emulator.urls.discogs}/database/search?genre=Stage%20%26%20Screen&year=1999&token=${DEFAULT_CREDENTIALS.discogsToken}`, { headers: { 'user-agent': 'bench' } });
    served.emulator.resetRateLimits();
    served.emulator.stats.reset();
    // Loopback has no clock skew to speak of: a 20 ms margin instead of the 100 ms kept for the real service.
    const { wallMs } = await landBronze(served, 'raw/discogs_releases', { rateLimit: { limit, windowMs, concurrency: 8, marginMs: 20 } });
    const requests = served.emulator.stats.count({ api: 'discogs' });
    const throttled = served.emulator.stats.count({ api: 'discogs', status: 429 });
    // N requests at L per W cannot span less than floor((N-1)/L)·W; the last window's requests add their latency.
    const floorMs = Math.floor((requests - 1) / limit) * windowMs;
    return { requests, throttled, wallMs, floorMs, ratio: wallMs / floorMs };
  } finally {
    await served.close();
  }
}

/**
 * What live runs ask the services for, by endpoint, with the default live plan (1,000 per-film searches a
 * run): a first run into an empty lake, then a second run the next moment (the backlog continues), the
 * rate limits off so it runs in seconds. Counts, not times: at Discogs' 60 a minute each Discogs request is
 * one second of a real run.
 */
export async function measureLiveRequestCost(runs = 2) {
  const served = await serveEmulator({ films: 10_000, ...SAMPLE_SERVICES });
  const lake = mkdtempSync(join(tmpdir(), 'medallion-bench-'));
  try {
    const graph = createGraphFromEnvironment(liveEnv(served), { client: { rateLimit: false } });
    const costs: Array<Record<string, number>> = [];
    for (let run = 0; run < runs; run++) {
      served.emulator.stats.reset();
      const { summary } = await materialize({ graph, storage: createLocalStorage(lake), selection: '*' });
      if (summary.status !== 'succeeded') throw new Error(`bench live run ${run + 1} failed: ${JSON.stringify(summary.outcomes.filter((o) => o.type === 'failed'))}`);
      const byEndpoint: Record<string, number> = {};
      for (const record of served.emulator.stats.requests()) {
        const endpoint = record.endpoint === '/database/search' ? (record.params.q === undefined ? 'discogs bulk search' : 'discogs per-film search') : `${record.api} ${record.endpoint}`;
        byEndpoint[endpoint] = (byEndpoint[endpoint] ?? 0) + 1;
      }
      costs.push(byEndpoint);
    }
    return costs;
  } finally {
    rmSync(lake, { recursive: true, force: true });
    await served.close();
  }
}
