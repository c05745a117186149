// The README's pipeline table is the one list of the pipeline's assets written out by hand: this keeps it and
// `createPipeline` in step both ways, so an asset added to the pipeline without its row (or a row left behind
// by a removed one) fails here, naming it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createPipeline } from '../../assets/pipeline.ts';
import { unusedFilms, unusedReleases } from './intermediate/fixtures.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const pipelineSection = readme.slice(readme.indexOf('\n## The pipeline\n'), readme.indexOf('\n### ', readme.indexOf('\n## The pipeline\n')));
/** `| layer | \`key\` | what it holds |` rows of the table. */
const rows = [...pipelineSection.matchAll(/^\| ([a-z_-]+) \| `([a-z0-9_/]+)` \|/gm)].map(([, layer, key]) => `${layer!} ${key!}`);
const noGroundTruth = { pairs: () => Promise.reject(new Error('not called: the table is read from the definitions')) };

describe('the README pipeline table', () => {
  it('has one row per asset of the pipeline (with the emulator\'s metrics/match_quality), giving its group, and no other', () => {
    const assets = createPipeline({ films: unusedFilms, releases: unusedReleases, groundTruth: noGroundTruth });
    assert.deepEqual([...rows].sort(), assets.map((asset) => `${asset.group} ${asset.key}`).sort());
  });
});
