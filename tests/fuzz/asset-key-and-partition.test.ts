// Property-based tests of the asset-key and partition parsers: keys and partitions generated from their rules are
// accepted (and every valid key is a valid selection, every valid group is selectable); any other string is a
// typed error that names it; a slot's lake prefix parses back to the slot; and the partition checks of the CLI's
// planner and of the HTTP API accept exactly the partitions an asset declares.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { invalidAssetKeyReason, invalidPartitionReason } from '../../runtime/asset/asset-key.ts';
import { checkAssetPartition, checkSelectionPartition, slotsOf } from '../../runtime/graph/slots.ts';
import { createAssetGraph, defineAsset, selectAssets, type AnyAsset } from '../../runtime/index.ts';
import { assetPrefix, layerOf, parseSelection, slotLabel } from '../../runtime/internal.ts';
import { ownerOfBlob } from '../../server/inngest/raw-blob-owner.ts';
import { assertTypedError, fuzzRuns, outcomeOf } from './fuzz-settings.ts';

const segment = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
const validKey = fc.tuple(fc.constantFrom('raw', 'intermediate', 'gold', 'metrics'), fc.array(segment, { minLength: 1, maxLength: 3 })).map(([layer, rest]) => [layer, ...rest].join('/'));
const validPartition = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/);
/** Strings near the rules (the characters that matter, case, separators) and far from them (any code point). */
const keyishChar = fc.constantFrom(...'aZz09_/-.= :'.split(''), 'é', '\u0000', '\n');
const anyString = fc.oneof(
  fc.string({ unit: keyishChar, maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 24 }),
);

const row = z.object({ id: z.int() });
const materialize = async () => ({ rows: [] });

describe('asset keys (property-based)', () => {
  it('accepts every key generated from the rules, and the selection grammar and layerOf read it back', () => {
    fc.assert(
      fc.property(validKey, (key) => {
        assert.equal(invalidAssetKeyReason(key), undefined);
        assert.equal(defineAsset({ key, schema: row, codeVersion: '1', materialize }).key, key);
        assert.deepEqual(parseSelection(key), { kind: 'key', key });
        assert.equal(layerOf(key), key.split('/')[0]);
      }),
      fuzzRuns(3_000),
    );
  });

  it('refuses any other string with DEFINITION_INVALID naming the key, and what it accepts is a safe lake path', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, validKey.map((key) => `${key}/`), validKey.map((key) => key.toUpperCase())), (key) => {
        const outcome = outcomeOf(() => defineAsset({ key, schema: row, codeVersion: '1', materialize }));
        if (!outcome.ok) {
          assertTypedError(outcome.error, ['DEFINITION_INVALID'], `"${key}"`);
          assert.notEqual(invalidAssetKeyReason(key), undefined);
          return;
        }
        const segments = key.split('/');
        assert.ok(segments.length >= 2 && segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.startsWith('_') && !s.includes('=')));
        assert.deepEqual(parseSelection(key), { kind: 'key', key });
      }),
      fuzzRuns(5_000),
    );
  });

  it('makes every group an asset may declare selectable with group:NAME, or refuses it at definition', () => {
    fc.assert(
      fc.property(validKey, fc.oneof(anyString, fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)), (key, group) => {
        const outcome = outcomeOf(() => defineAsset({ key, schema: row, codeVersion: '1', group, materialize }));
        if (!outcome.ok) return assertTypedError(outcome.error, ['DEFINITION_INVALID'], `"${key}"`);
        assert.deepEqual(selectAssets(`group:${group}`, createAssetGraph([outcome.value])), [key]);
      }),
      fuzzRuns(2_000),
    );
  });
});

// raw/films (unpartitioned), raw/by_year/releases (partitioned, a three-segment key), gold/matches (partitioned, downstream)
const graphWith = (partitions: readonly string[]) => {
  const films = defineAsset({ key: 'raw/films', schema: row, codeVersion: '1', materialize });
  const releases = defineAsset({ key: 'raw/by_year/releases', schema: row, codeVersion: '1', partitions, materialize });
  const matches = defineAsset({ key: 'gold/matches', schema: row, codeVersion: '1', partitions, deps: { films, releases }, materialize });
  return createAssetGraph([films, releases, matches] as AnyAsset[]);
};
const declared = fc.uniqueArray(validPartition, { minLength: 1, maxLength: 5 });

describe('partitions (property-based)', () => {
  it('accepts declared partitions generated from the rules, and refuses others with DEFINITION_INVALID naming the asset', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(validPartition, anyString), { maxLength: 4 }), (partitions) => {
        const outcome = outcomeOf(() => defineAsset({ key: 'raw/films', schema: row, codeVersion: '1', partitions, materialize }));
        if (!outcome.ok) return assertTypedError(outcome.error, ['DEFINITION_INVALID'], '"raw/films"');
        assert.deepEqual(outcome.value.partitions, partitions);
        for (const partition of partitions) {
          assert.equal(invalidPartitionReason(partition), undefined);
          // A partition is one lake path segment, `p=<partition>`, that cannot climb out of its asset's folder.
          const prefix = assetPrefix('raw/films', partition);
          assert.deepEqual(prefix.split('/'), ['raw', 'films', `p=${partition}`]);
          assert.ok(!partition.includes('/') && !partition.includes('\u0000') && partition !== '.' && partition !== '..');
        }
      }),
      fuzzRuns(4_000),
    );
  });

  it("plans, and lets the HTTP API read, exactly the declared partitions; any other is PARTITION_UNKNOWN naming it", () => {
    fc.assert(
      fc.property(declared, fc.oneof(anyString, validPartition), fc.nat(), (partitions, other, pick) => {
        const graph = graphWith(partitions);
        const known = partitions[pick % partitions.length]!;
        for (const partition of [known, other]) {
          const isDeclared = partitions.includes(partition);
          const checks = [
            () => slotsOf(graph, ['raw/films', 'raw/by_year/releases', 'gold/matches'], partition),
            () => checkSelectionPartition(graph, selectAssets('+gold/matches', graph), partition),
            () => checkAssetPartition(graph.get('raw/by_year/releases'), partition),
          ];
          for (const check of checks) {
            const outcome = outcomeOf(check);
            if (isDeclared) assert.ok(outcome.ok, `refused the declared partition "${partition}"`);
            else if (outcome.ok) assert.fail(`accepted the undeclared partition "${partition}"`);
            else {
              assertTypedError(outcome.error, ['PARTITION_UNKNOWN'], `"${partition}"`);
              for (const suggestion of (outcome.error as { suggestions?: readonly string[] }).suggestions ?? []) assert.ok(partitions.includes(suggestion));
            }
          }
          if (isDeclared) {
            const slots = slotsOf(graph, ['raw/films', 'raw/by_year/releases', 'gold/matches'], partition);
            const expected = graph.keys.map((key) => slotLabel(key, graph.get(key).partitions === undefined ? null : partition));
            assert.deepEqual(slots.map((slot) => slotLabel(slot.asset, slot.partition)), expected);
          }
        }
      }),
      fuzzRuns(3_000),
    );
  });

  it('reads a landing path built from a slot prefix back to that slot, and any other path to a reason, never an exception', () => {
    const fileName = fc.array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,12}$/), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(declared, fc.nat(), fileName, fc.oneof(anyString, fileName), (partitions, pick, file, junk) => {
        const graph = graphWith(partitions);
        const partition = partitions[pick % partitions.length]!;
        const landing = (key: string, p?: string) => `${assetPrefix(key, p).slice('raw/'.length)}/landing/${file}`;
        assert.deepEqual(ownerOfBlob(graph, 'raw', landing('raw/films')), { kind: 'owned', slot: { asset: 'raw/films', partition: null } });
        assert.deepEqual(ownerOfBlob(graph, 'raw', landing('raw/by_year/releases', partition)), { kind: 'owned', slot: { asset: 'raw/by_year/releases', partition } });
        for (const path of [junk, `films/${junk}`, `by_year/releases/${junk}`, `films/landing/${junk}`, `by_year/releases/p=${junk}/landing/${file}`]) {
          const owner = ownerOfBlob(graph, 'raw', path);
          // An unsafe name is quoted as JSON, so a NUL or control character is shown escaped.
          if (owner.kind === 'ignored') assert.ok(owner.reason.includes(`raw/${path}`) || owner.reason.includes(JSON.stringify(`raw/${path}`)), owner.reason);
          else {
            assert.ok(graph.has(owner.slot.asset) && owner.slot.asset.startsWith('raw/'));
            const own = graph.get(owner.slot.asset).partitions;
            assert.ok(own === undefined ? owner.slot.partition === null : own.includes(owner.slot.partition!));
          }
        }
      }),
      fuzzRuns(3_000),
    );
  });
});
