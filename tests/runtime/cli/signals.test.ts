// `medallion materialize` as a separate process, stopped by a signal while inside an asset that ignores it:
// SIGTERM stops it (exit 143) with its summary saying interrupted; a second SIGINT exits at once (130); SIGKILL
// leaves a run that the next one records as interrupted. `medallion runs` shows each.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCliIn } from '../../support/capture-cli.ts';
import { createCliProject, fileExists, RUNTIME_URL, spawnCli, waitFor, type CliProject } from '../../support/cli-process.ts';

// raw/slow hangs after its first step when MEDALLION_TEST_HANG names a marker file (only the child has it),
// holding an interval so the process cannot end by itself; in this test process it finishes.
const CONFIG = `
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { createAssetGraph, defineAsset, defineConfig } from '${RUNTIME_URL}';

const schema = z.object({ n: z.int() });
const slow = defineAsset({
  key: 'raw/slow', schema, codeVersion: '1',
  async materialize(ctx) {
    const n = await ctx.step('first', async () => 1);
    const marker = process.env.MEDALLION_TEST_HANG;
    if (marker) {
      writeFileSync(marker, String(process.pid));
      setInterval(() => undefined, 1_000);
      await new Promise(() => undefined);
    }
    return { rows: [{ n }] };
  },
});
const after = defineAsset({
  key: 'gold/after', schema, codeVersion: '1', deps: { slow },
  async materialize(_ctx, inputs) { return { rows: await inputs.slow.rows() }; },
});
export default defineConfig({ graph: createAssetGraph([slow, after]) });
`;

describe('materialize stopped by a signal', () => {
  let project: CliProject;
  let markers: string;
  before(async () => {
    project = await createCliProject(CONFIG);
    markers = await mkdtemp(join(tmpdir(), 'medallion-markers-'));
  });
  after(async () => {
    await project.cleanup();
    await rm(markers, { recursive: true, force: true });
  });

  const medallion = (...args: string[]) => runCliIn(project.root, [...args, '--lake', project.lake]);
  const runs = async () => JSON.parse((await medallion('runs', '--json')).stdout) as { runs: { runId: string; status: string; outcomes: { asset: string; type: string; reason: string | null }[] }[] };

  it('SIGTERM inside an asset that ignores it: exit 143, a clear message, and the run recorded as interrupted', async () => {
    const marker = join(markers, 'term');
    const cli = spawnCli(project, ['materialize', '--all'], { MEDALLION_TEST_HANG: marker });
    await waitFor('the asset to start', fileExists(marker), cli);
    cli.child.kill('SIGTERM');
    const { code } = await cli.exited;
    assert.equal(code, 143, cli.stderr());
    assert.match(cli.stderr(), /SIGTERM: stopping the run/);
    assert.match(cli.stderr(), /the run was interrupted \(SIGTERM\) and is recorded as such/);
    assert.match(cli.stdout(), /raw\/slow\s+failed/);

    const [run] = (await runs()).runs;
    assert.equal(run!.status, 'interrupted');
    assert.deepEqual(run!.outcomes.map((o) => [o.asset, o.type]), [['raw/slow', 'failed'], ['gold/after', 'upstream-failed']]);
    assert.match(run!.outcomes[0]!.reason!, /^interrupted and abandoned \d+ ms later, as it did not stop by itself \(SIGTERM received\)$/);
    const listed = await medallion('runs');
    assert.match(listed.stdout, new RegExp(`${run!.runId}.*interrupted`));

    const resumed = await medallion('materialize', '--all');
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /2 materialized/);
  });

  it('a second SIGINT exits at once (130), and the next run records the run as interrupted', async () => {
    const forced = await createCliProject(CONFIG);
    try {
      const marker = join(markers, 'int');
      const cli = spawnCli(forced, ['materialize', '--all'], { MEDALLION_TEST_HANG: marker });
      await waitFor('the asset to start', fileExists(marker), cli);
      cli.child.kill('SIGINT');
      await waitFor('the first SIGINT to be taken', () => cli.stderr().includes('SIGINT: stopping the run'), cli);
      cli.child.kill('SIGINT');
      const { code } = await cli.exited;
      assert.equal(code, 130, cli.stderr());
      assert.match(cli.stderr(), /SIGINT again: exiting now/);
      const next = await runCliIn(forced.root, ['materialize', '--all', '--lake', forced.lake]);
      assert.equal(next.code, 0, next.stderr);
      const listed = JSON.parse((await runCliIn(forced.root, ['runs', '--json', '--lake', forced.lake])).stdout) as { runs: { status: string }[] };
      assert.deepEqual(listed.runs.map((run) => run.status), ['succeeded', 'interrupted']);
    } finally {
      await forced.cleanup();
    }
  });

  it('SIGKILL: the next run finds the leftover run and records it as interrupted, with what it committed', async () => {
    const killed = await createCliProject(CONFIG);
    try {
      const marker = join(markers, 'kill');
      const cli = spawnCli(killed, ['materialize', '--all'], { MEDALLION_TEST_HANG: marker });
      await waitFor('the asset to start', fileExists(marker), cli);
      cli.child.kill('SIGKILL');
      assert.equal((await cli.exited).signal, 'SIGKILL');

      const next = await runCliIn(killed.root, ['materialize', '--all', '--lake', killed.lake]);
      assert.equal(next.code, 0, next.stderr);
      assert.match(next.stderr, /resuming: 1 completed step/, 'the killed run\'s journal is resumed');
      const listed = JSON.parse((await runCliIn(killed.root, ['runs', '--json', '--lake', killed.lake])).stdout) as Awaited<ReturnType<typeof runs>>;
      assert.deepEqual(listed.runs.map((run) => run.status), ['succeeded', 'interrupted']);
      const interrupted = listed.runs[1]!;
      assert.deepEqual(interrupted.outcomes.map((o) => [o.asset, o.type]), [['raw/slow', 'failed'], ['gold/after', 'failed']]);
      assert.match(interrupted.outcomes[0]!.reason!, /^interrupted: the run \(pid \d+ on .+\) stopped without finishing, e\.g\. killed; found by run \S+$/);
      const timeline = await runCliIn(killed.root, ['runs', interrupted.runId, '--lake', killed.lake]);
      assert.match(timeline.stdout, new RegExp(`Run ${interrupted.runId} · interrupted`));
    } finally {
      await killed.cleanup();
    }
  });
});
