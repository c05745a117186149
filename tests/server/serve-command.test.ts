// `medallion serve`: listens, prints the URL and what is configured (never the values), mounts the Inngest
// wiring it is given, serves until stopped, then closes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CommandContext } from '../../runtime/index.ts';
import { runServe, serveCommand, type LoadInngest } from '../../server/serve-command.ts';
import type { MedallionEvent } from '../../server/events.ts';
import { runCapturedCli } from '../support/capture-cli.ts';
import type { TempLake } from '../support/temp-lake.ts';
import { createSmallGraph } from './fixtures/small-graph.ts';
import { API_TOKEN, createMixedLake } from './fixtures/test-app.ts';

/** The line `medallion serve --json` prints once it listens (the fields the tests read). */
interface ServeSettings {
  readonly url: string;
  readonly inngest: { readonly mounted: boolean; readonly note: string };
}

function contextFor(lake: TempLake, values: Record<string, string | boolean>, env: Record<string, string>, json = true) {
  const out = { stdout: '', stderr: '' };
  const ctx = {
    io: { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) }, env, cwd: '.' },
    positionals: [],
    values,
    json,
    secrets: [],
    graph: async () => createSmallGraph(),
    lake: () => lake.storage,
  } as unknown as CommandContext;
  return { ctx, out };
}

async function firstLine(out: { stdout: string }): Promise<string> {
  while (!out.stdout.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 5));
  return out.stdout.slice(0, out.stdout.indexOf('\n'));
}

describe('medallion serve', () => {
  let lake: TempLake;
  before(async () => { lake = await createMixedLake(); });
  after(async () => { await lake.cleanup(); });

  it('serves the app with the Inngest wiring until stopped, printing the URL and settings but no secret', async () => {
    const sent: MedallionEvent[] = [];
    const loadInngest: LoadInngest = async () => ({
      inngestHandler: (c) => c.json({ fake: 'inngest' }),
      sendEvent: async (events) => { sent.push(...events); return { ids: ['1'] }; },
      note: 'fake Inngest',
    });
    const { ctx, out } = contextFor(lake, { port: '0', host: '127.0.0.1' }, { MEDALLION_API_TOKEN: API_TOKEN });
    let stop!: () => void;
    const running = runServe(ctx, new Promise<void>((resolve) => (stop = resolve)), loadInngest);
    const settings = JSON.parse(await firstLine(out)) as ServeSettings;
    assert.match(settings.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual({ ...settings, url: undefined }, {
      url: undefined, lake: lake.storage.location, assets: 7, devMode: false, apiToken: true, webhookSecret: false,
      inngest: { mounted: true, sendsEvents: true, note: 'fake Inngest' },
    });
    assert.ok(!out.stdout.includes(API_TOKEN));
    assert.deepEqual(await (await fetch(`${settings.url}/healthz`)).json(), { status: 'ok' });
    assert.deepEqual(await (await fetch(`${settings.url}/api/inngest`)).json(), { fake: 'inngest' });
    const requested = await fetch(`${settings.url}/assets/gold/matches/materialize`, { method: 'POST', headers: { Authorization: `Bearer ${API_TOKEN}` } });
    assert.equal(requested.status, 202);
    assert.deepEqual(sent.map((event) => event.name), ['medallion/asset.requested']);
    assert.match(out.stderr, /^GET \/healthz 200 \d+ ms$/m);
    stop();
    assert.equal(await running, 0);
    await assert.rejects(fetch(`${settings.url}/healthz`));
  });

  it('prints a banner with the page URL and what is not configured; --dev opens routes without secrets', async () => {
    const { ctx, out } = contextFor(lake, { port: '0', dev: true }, {}, false);
    let stop!: () => void;
    const running = runServe(ctx, new Promise<void>((resolve) => (stop = resolve)), async () => ({ note: 'not mounted (test)' }));
    const url = /on (http:\/\/\S+)/.exec(await firstLine(out))![1]!;
    while (!out.stdout.includes('Ctrl-C')) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.match(out.stdout, new RegExp(`lineage page  ${url}/`));
    assert.match(out.stdout, /MEDALLION_API_TOKEN is not set, so they are open \(dev mode\)/);
    assert.match(out.stdout, /inngest {7}not mounted \(test\)/);
    const response = await fetch(`${url}/assets/gold/decades/materialize?run=in-process`, { method: 'POST' });
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as { materialized: string[] }).materialized, ['gold/decades']);
    stop();
    assert.equal(await running, 0);
  });

  it('mounts the Inngest handler of inngest.config.ts, whose SDK refuses unsigned requests outside its dev mode', async () => {
    const saved = { INNGEST_DEV: process.env.INNGEST_DEV, INNGEST_SIGNING_KEY: process.env.INNGEST_SIGNING_KEY };
    const serveWith = async (env: Record<string, string>, check: (url: string, note: string) => Promise<void>) => {
      Object.assign(process.env, env); // the SDK reads its own variables from process.env
      const { ctx, out } = contextFor(lake, { port: '0' }, env);
      let stop!: () => void;
      const running = runServe(ctx, new Promise<void>((resolve) => (stop = resolve)));
      try {
        const settings = JSON.parse(await firstLine(out)) as ServeSettings;
        assert.equal(settings.inngest.mounted, true);
        await check(settings.url, settings.inngest.note);
      } finally {
        stop();
        await running;
        for (const name of Object.keys(env)) delete process.env[name];
      }
    };
    try {
      await serveWith({ INNGEST_SIGNING_KEY: 'signkey-test-00112233445566778899aabbccddeeff' }, async (url, note) => {
        assert.match(note, /requests must be signed/);
        const unsigned = await fetch(`${url}/api/inngest`);
        assert.equal(unsigned.status, 401);
        const forged = await fetch(`${url}/api/inngest`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Inngest-Signature': 't=1&s=00' }, body: '{}' });
        assert.equal(forged.status, 401);
      });
      await serveWith({ INNGEST_DEV: '1' }, async (url, note) => {
        assert.match(note, /dev mode/);
        const introspection = (await (await fetch(`${url}/api/inngest`)).json()) as { mode: string; function_count: number };
        assert.equal(introspection.mode, 'dev');
        assert.ok(introspection.function_count >= 7);
      });
    } finally {
      for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
    }
  });

  it('is a command of the CLI with its options, and refuses a bad port', async () => {
    assert.deepEqual(Object.keys(serveCommand.options).sort(), ['dev', 'host', 'port']);
    const help = await runCapturedCli(['serve', '--help'], createSmallGraph(), { commands: { serve: serveCommand } });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: medallion serve \[--port P\] \[--host H\] \[--dev\]/);
    const bad = await runCapturedCli(['serve', '--port', 'eighty', '--lake', lake.root], createSmallGraph(), { commands: { serve: serveCommand } });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--port must be a whole number from 0 to 65535, not "eighty"/);
    const { ctx, out } = contextFor(lake, { port: '0' }, {});
    let stop!: () => void;
    const first = runServe(ctx, new Promise<void>((resolve) => (stop = resolve)), async () => ({ note: 'none' }));
    const port = new URL((JSON.parse(await firstLine(out)) as ServeSettings).url).port;
    const taken = await runCapturedCli(['serve', '--port', port, '--lake', lake.root], createSmallGraph(), { commands: { serve: serveCommand } });
    assert.equal(taken.code, 4);
    assert.match(taken.stderr, new RegExp(`Cannot listen on 127.0.0.1:${port} \\(.*EADDRINUSE`));
    stop();
    await first;
  });
});
