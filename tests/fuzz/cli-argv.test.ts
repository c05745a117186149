// Property-based test of the CLI on bad command lines: generated argv (commands, selections, flags, values, each
// right or wrong) through the in-process CLI never exits 70 and never prints a stack trace; a failure says what
// was wrong. `--lake` comes from the environment and `--out` stays in a temp folder, so nothing escapes it.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { createAssetGraph, defineAsset, type AnyAsset } from '../../runtime/index.ts';
import { runCapturedCli } from '../support/capture-cli.ts';
import { fuzzRuns } from './fuzz-settings.ts';

const films = defineAsset({
  key: 'raw/films', schema: z.object({ id: z.int(), region: z.string() }), codeVersion: '1', partitions: ['eu', 'us'],
  async materialize(ctx) {
    return { rows: [{ id: 1, region: ctx.partition ?? '' }] };
  },
});
const matches = defineAsset({
  key: 'gold/matches', schema: z.object({ id: z.int() }), codeVersion: '1', deps: { films }, group: 'published',
  async materialize(_ctx, inputs) {
    return { rows: (await inputs.films.rows()).map(({ id }) => ({ id })) };
  },
});
const graph = createAssetGraph([films, matches] as AnyAsset[]);

const word = fc.stringMatching(/^[a-z][a-z-]{0,10}$/);
const anyValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', '-1', '0', '1e309', 'NaN', '99999999999999999999', '--', '-', 'eu', 'us', 'xx', 'json', 'mermaid', 'csv', 'parquet', 'ndjson'),
);
const selection = fc.oneof(
  fc.constantFrom('*', 'raw/films', '+gold/matches', 'raw/films+', '2+gold/matches', 'group:published', 'group:raw', 'gold/matchs', 'group:nope', 'raw/films,gold/matches'),
  anyValue,
);
// Not `out`: a file is written there, so it only comes with a path in the temp folder (below).
const flagName = fc.constantFrom('partition', 'limit', 'format', 'force', 'all', 'json', 'concurrency', 'help', 'config', 'nope', 'p', '');

describe('CLI on generated bad command lines (property-based)', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'medallion-fuzz-cli-'));
    // Something to show, export and list, so those commands get past "missing".
    const first = await runCapturedCli(['materialize', '--all'], graph, { cwd: root, env: { MEDALLION_LAKE: join(root, 'lake') } });
    assert.equal(first.code, 0, first.stderr);
  });
  after(async () => { await rm(root, { recursive: true, force: true }); });

  it('never exits 70 or prints a stack trace, and every failure says what was wrong', async () => {
    const out = fc.nat({ max: 3 }).map((n) => join(root, `out-${n}.data`));
    const flag = fc.oneof(
      flagName.map((name) => `--${name}`),
      fc.tuple(flagName, anyValue).map(([name, value]) => `--${name}=${value}`),
      out.map((path) => `--out=${path}`),
      fc.constantFrom('-h', '-x', '--', '---'),
    );
    const argv = fc.tuple(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('list', 'status', 'materialize', 'lineage', 'show', 'export', 'runs', 'help') },
        { weight: 1, arbitrary: fc.oneof(word, fc.constantFrom('toString', 'constructor', '__proto__', 'hasOwnProperty')) },
        { weight: 1, arbitrary: anyValue },
      ),
      fc.array(fc.oneof(selection, flag, anyValue), { maxLength: 5 }),
    ).map(([command, rest]) => [command, ...rest].filter((arg) => !/^--?(lake|out)\b/.test(arg) || arg.startsWith(`--out=${root}`)));
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const result = await runCapturedCli(args, graph, { cwd: root, env: { MEDALLION_LAKE: join(root, 'lake') } });
        const output = `${result.stdout}\n${result.stderr}`;
        assert.notEqual(result.code, 70, `exit 70 for ${JSON.stringify(args)}:\n${output}`);
        assert.doesNotMatch(output, /\n\s+at .+:\d+:\d+\)?\n/, `a stack trace for ${JSON.stringify(args)}`);
        if (result.code !== 0 && result.code !== 1) assert.ok(output.trim().length > 0, `exit ${result.code} without a message`);
      }),
      fuzzRuns(400),
    );
  });
});
