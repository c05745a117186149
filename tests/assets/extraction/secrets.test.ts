// No credential ever leaves the clients: after a full live run over loopback (and a run whose token is
// refused), no secret value appears in the CLI's output, in any span, or in any file of the lake.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ServedEmulator } from '../../../assets/sources/emulator/serve-emulator.ts';
import { createGraphFromEnvironment } from '../../../assets/pipeline-graph.ts';
import { runCapturedCli } from '../../support/capture-cli.ts';
import { FAST_CLIENT, liveEnv, serveTestEmulator } from '../../support/emulated-pipeline.ts';
import { createTempLake, type TempLake } from '../../support/temp-lake.ts';

const TMDB_KEY = 'tmdbSecretKey3b1f0e9a77c2';
const DISCOGS_TOKEN = 'discogsSecretToken77ad2c91';
const WRONG_TOKEN = 'discogsWrongSecretToken0c0ffee';

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('secrets', () => {
  const exporter = new InMemorySpanExporter();
  let lake: TempLake;
  let served: ServedEmulator;
  before(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    lake = await createTempLake();
    served = await serveTestEmulator({ tmdb: { apiKeys: [TMDB_KEY], rateLimit: false }, discogs: { tokens: [DISCOGS_TOKEN], rateLimit: false } });
  });
  after(async () => {
    trace.disable();
    context.disable();
    await served.close();
    await lake.cleanup();
  });

  it('never appear in output, spans or the lake', async () => {
    const env = { ...liveEnv(served, { TMDB_API_KEY: TMDB_KEY, DISCOGS_TOKEN }), MEDALLION_LAKE: lake.root };
    // The emulator here applies no rate limit, so neither do the clients: the per-film search's 300 requests
    // would otherwise wait out Discogs' 60 a minute, which is not what this test is about.
    const client = { ...FAST_CLIENT, rateLimit: false as const };
    const run = (cliEnv: Record<string, string>, ...argv: string[]) => runCapturedCli(argv, () => createGraphFromEnvironment(cliEnv, { client }), { env: cliEnv });
    const outputs = [
      await run(env, 'materialize', '--all'),
      await run(env, 'status', '--json'),
      await run(env, 'show', 'raw/tmdb_movies'),
      await run({ ...env, DISCOGS_TOKEN: WRONG_TOKEN }, 'materialize', 'raw/discogs_releases', '--force'),
    ];
    assert.equal(outputs[0]!.code, 0, outputs[0]!.stderr);
    assert.equal(outputs[3]!.code, 1, 'the refused token fails the run');
    assert.match(outputs[3]!.stderr, /DISCOGS_TOKEN/);

    const haystacks: [string, string][] = outputs.flatMap((output, index) => [[`stdout ${index}`, output.stdout], [`stderr ${index}`, output.stderr]] as [string, string][]);
    const spans = exporter.getFinishedSpans();
    assert.ok(spans.some((span) => span.name.startsWith('medallion.materialize')), 'spans were recorded');
    for (const span of spans) haystacks.push([`span ${span.name}`, JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events, status: span.status })]);
    const files = await filesUnder(lake.root);
    assert.ok(files.some((file) => file.endsWith('.json') && file.includes('attachments')), 'raw pages were landed');
    for (const file of files) haystacks.push([file, (await readFile(file)).toString('latin1')]);
    for (const [where, text] of haystacks) {
      for (const secret of [TMDB_KEY, DISCOGS_TOKEN, WRONG_TOKEN]) assert.ok(!text.includes(secret), `${where} contains a secret`);
    }
  });
});
