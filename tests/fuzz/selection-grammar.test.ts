// Property-based tests of the selection grammar (`medallion materialize <selection>`): selections generated from
// the grammar parse to the expected AST and print back to themselves; any other string is a SELECTION_SYNTAX
// error with a caret under the culprit; resolution against generated graphs agrees with a plain breadth-first
// reference, and unknown names are SelectionErrors that name them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { createAssetGraph, defineAsset, selectAssets, type AnyAsset, type AssetGraph } from '../../runtime/index.ts';
import { formatSelection, parseSelection, resolveSelection, type SelectionNode, type SelectionOperand } from '../../runtime/internal.ts';
import { assertTypedError, fuzzRuns, outcomeOf } from './fuzz-settings.ts';

// ---- selections generated from the grammar, as text and as the AST the text means -------------------------

interface Generated {
  readonly text: string;
  readonly node: SelectionNode;
}

const selectionKey = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_/]{0,24}$/);
const groupName = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/);
const depth = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) });
/** A depth as typed: sometimes with leading zeros, which mean nothing. */
const typedDepth = fc.tuple(depth, fc.nat({ max: 2 })).map(([value, zeros]) => ({ value, text: `${'0'.repeat(zeros)}${value}` }));
const spaces = fc.stringMatching(/^[ \t]{0,3}$/);

function operandOf(keys: fc.Arbitrary<string>, groups: fc.Arbitrary<string>): fc.Arbitrary<{ text: string; node: SelectionOperand }> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({ text: '*', node: { kind: 'all' } as const }) },
    { weight: 5, arbitrary: keys.map((key) => ({ text: key, node: { kind: 'key', key } as const })) },
    { weight: 2, arbitrary: groups.map((name) => ({ text: `group:${name}`, node: { kind: 'group', name } as const })) },
  );
}

/** `[N]+`, `+` or nothing before an operand; `+[N]`, `+` or nothing after it. */
const traversal = fc.option(fc.option(typedDepth, { nil: undefined }), { nil: null });

function itemOf(operand: fc.Arbitrary<{ text: string; node: SelectionOperand }>): fc.Arbitrary<Generated> {
  return fc.tuple(traversal, operand, traversal).map(([up, of, down]): Generated => {
    const text = `${up === null ? '' : `${up?.text ?? ''}+`}${of.text}${down === null ? '' : `+${down?.text ?? ''}`}`;
    const upstream = up === null ? undefined : ({ kind: 'upstream', of: of.node, ...(up === undefined ? {} : { depth: up.value }) } as const);
    const downstream = down === null ? undefined : ({ kind: 'downstream', of: of.node, ...(down === undefined ? {} : { depth: down.value }) } as const);
    const node: SelectionNode = upstream && downstream ? { kind: 'union', members: [upstream, downstream] } : (upstream ?? downstream ?? of.node);
    return { text, node };
  });
}

function selectionOf(keys: fc.Arbitrary<string>, groups: fc.Arbitrary<string>): fc.Arbitrary<Generated> {
  const item = itemOf(operandOf(keys, groups));
  return fc.tuple(fc.array(fc.tuple(spaces, item, spaces), { minLength: 1, maxLength: 5 }), spaces, spaces).map(([items, lead, trail]) => ({
    text: `${lead}${items.map(([before, { text }, after]) => `${before}${text}${after}`).join(',')}${trail}`,
    node: items.length === 1 ? items[0]![1].node : { kind: 'union', members: items.map(([, { node }]) => node) },
  }));
}

const validSelection = selectionOf(selectionKey, groupName);

/** A valid selection with one character inserted, deleted or replaced by one the grammar gives meaning to. */
const grammarChar = fc.constantFrom(...'aZ_/09+*:,-. \t\ngroup'.split(''), 'é', '😀', '\u0000');
const mutatedSelection = fc.tuple(validSelection, fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), grammarChar).map(([{ text }, at, edit, char]) => {
  const i = at % (text.length + 1);
  if (edit === 'insert') return text.slice(0, i) + char + text.slice(i);
  if (edit === 'delete') return text.slice(0, i) + text.slice(i + 1);
  return text.slice(0, i) + char + text.slice(i + 1);
});

const anyText = fc.oneof(
  fc.string({ unit: grammarChar, maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
);

/** Parses, or checks that the refusal is a SELECTION_SYNTAX error whose caret points inside the text. */
function parseOrExplain(text: string): SelectionNode | undefined {
  const outcome = outcomeOf(() => parseSelection(text));
  if (outcome.ok) return outcome.value;
  assertTypedError(outcome.error, ['SELECTION_SYNTAX'], `Invalid selection ${JSON.stringify(text)} at column `);
  const column = Number(/ at column (\d+):/.exec(outcome.error.message)?.[1]);
  assert.ok(column >= 1 && column <= text.length + 1, `column ${column} is outside ${JSON.stringify(text)}`);
  assert.ok(outcome.error.message.includes(`\n  ${' '.repeat(column - 1)}^\n`), 'the caret is not under the column named');
  return undefined;
}

describe('selection grammar: parseSelection and formatSelection (property-based)', () => {
  it('parses every selection generated from the grammar to the AST it means, spaces and leading zeros aside', () => {
    fc.assert(
      fc.property(validSelection, ({ text, node }) => {
        assert.deepEqual(parseSelection(text), node);
      }),
      fuzzRuns(3_000),
    );
  });

  it('prints every parsed selection back to text that parses to the same AST, and printing is idempotent', () => {
    fc.assert(
      fc.property(validSelection, ({ node }) => {
        const printed = formatSelection(node);
        assert.deepEqual(parseSelection(printed), node);
        assert.equal(formatSelection(parseSelection(printed)), printed);
      }),
      fuzzRuns(2_000),
    );
  });

  it('either parses any string (and then round-trips) or refuses it with SELECTION_SYNTAX and a caret under the column', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutatedSelection), (text) => {
        const node = parseOrExplain(text);
        if (node !== undefined) assert.deepEqual(parseSelection(formatSelection(node)), node);
      }),
      fuzzRuns(5_000),
    );
  });
});

// ---- resolution against generated graphs ----------------------------------------------------------------

interface GraphSpec {
  readonly keys: readonly string[];
  /** deps[i]: indexes (< i) of the assets asset i depends on. */
  readonly deps: readonly (readonly number[])[];
  readonly groups: readonly (string | undefined)[];
}

const assetKey = fc
  .tuple(fc.constantFrom('raw', 'intermediate', 'gold'), fc.array(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), { minLength: 1, maxLength: 2 }))
  .map(([layer, rest]) => [layer, ...rest].join('/'));

const graphSpec: fc.Arbitrary<GraphSpec> = fc.uniqueArray(assetKey, { minLength: 1, maxLength: 8 }).chain((keys) =>
  fc.record({
    keys: fc.constant(keys),
    deps: fc.tuple(...keys.map((_, i) => fc.subarray([...Array(i).keys()]))),
    groups: fc.tuple(...keys.map(() => fc.option(fc.constantFrom('nightly', 'team-a', 'B_2'), { nil: undefined }))),
  }),
);

const row = z.object({ id: z.int() });

function graphOf(spec: GraphSpec): AssetGraph {
  const assets: AnyAsset[] = [];
  spec.keys.forEach((key, i) => {
    const deps = Object.fromEntries(spec.deps[i]!.map((j) => [`in${j}`, assets[j]!]));
    const group = spec.groups[i];
    assets.push(defineAsset({ key, schema: row, codeVersion: '1', deps, ...(group === undefined ? {} : { group }), materialize: async () => ({ rows: [] }) }));
  });
  return createAssetGraph([...assets].reverse());
}

/** Keys within `depth` hops of `start` along `next`, by breadth-first distances (the reference the resolver must match). */
function within(start: string, depth: number | undefined, next: (key: string) => readonly string[]): string[] {
  const distance = new Map([[start, 0]]);
  const queue = [start];
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    for (const neighbour of next(key)) {
      if (!distance.has(neighbour)) {
        distance.set(neighbour, distance.get(key)! + 1);
        queue.push(neighbour);
      }
    }
  }
  return [...distance].filter(([key, hops]) => key !== start && hops <= (depth ?? Infinity)).map(([key]) => key);
}

class Unknown {
  readonly code: 'SELECTION_UNKNOWN_KEY' | 'SELECTION_UNKNOWN_GROUP';
  readonly name: string;

  constructor(code: Unknown['code'], name: string) {
    this.code = code;
    this.name = name;
  }
}

/** The reference resolution: the keys a selection names, or the first unknown name in evaluation order. */
function expectedKeys(node: SelectionNode, spec: GraphSpec): Set<string> {
  const parents = (key: string) => spec.deps[spec.keys.indexOf(key)]!.map((j) => spec.keys[j]!);
  const children = (key: string) => spec.keys.filter((_, i) => spec.deps[i]!.includes(spec.keys.indexOf(key)));
  const groupOf = (i: number) => spec.groups[i] ?? spec.keys[i]!.split('/')[0]!;
  switch (node.kind) {
    case 'all':
      return new Set(spec.keys);
    case 'key':
      if (!spec.keys.includes(node.key)) throw new Unknown('SELECTION_UNKNOWN_KEY', node.key);
      return new Set([node.key]);
    case 'group': {
      const members = spec.keys.filter((_, i) => groupOf(i) === node.name);
      if (members.length === 0) throw new Unknown('SELECTION_UNKNOWN_GROUP', node.name);
      return new Set(members);
    }
    case 'upstream':
    case 'downstream': {
      const start = expectedKeys(node.of, spec);
      const next = node.kind === 'upstream' ? parents : children;
      return new Set([...start, ...[...start].flatMap((key) => within(key, node.depth, next))]);
    }
    case 'union':
      return new Set(node.members.flatMap((member) => [...expectedKeys(member, spec)]));
  }
}

/** A graph and a selection over its names, with some unknown keys and groups mixed in. */
const graphAndSelection = graphSpec.chain((spec) => {
  const keys = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...spec.keys) }, { weight: 1, arbitrary: fc.oneof(assetKey, selectionKey) });
  const groups = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...spec.keys.map((key, i) => spec.groups[i] ?? key.split('/')[0]!)) },
    { weight: 1, arbitrary: groupName },
  );
  return fc.tuple(fc.constant(spec), selectionOf(keys, groups));
});

describe('selection grammar: resolveSelection and selectAssets against generated graphs (property-based)', () => {
  it('names exactly the keys a breadth-first reference finds, once each and in topological order, or the first unknown name', () => {
    fc.assert(
      fc.property(graphAndSelection, ([spec, { text, node }]) => {
        const graph = graphOf(spec);
        let expected: Set<string> | Unknown;
        try {
          expected = expectedKeys(node, spec);
        } catch (error) {
          if (!(error instanceof Unknown)) throw error;
          expected = error;
        }
        for (const resolve of [() => resolveSelection(node, graph), () => selectAssets(text, graph)]) {
          const outcome = outcomeOf(resolve);
          if (expected instanceof Unknown) {
            assert.equal(outcome.ok, false, `expected ${expected.code} for "${expected.name}"`);
            if (outcome.ok) return;
            assertTypedError(outcome.error, [expected.code], `"${expected.name}"`);
            const suggestions = (outcome.error as { suggestions?: readonly string[] }).suggestions ?? [];
            const known = expected.code === 'SELECTION_UNKNOWN_KEY' ? graph.keys : [...graph.groups().keys()];
            for (const suggestion of suggestions) assert.ok(known.includes(suggestion), `suggested "${suggestion}", which the graph does not have`);
            continue;
          }
          if (!outcome.ok) throw outcome.error;
          assert.deepEqual(new Set(outcome.value), expected);
          assert.equal(outcome.value.length, expected.size, 'a key is named twice');
          assert.deepEqual(outcome.value, graph.keys.filter((key) => expected.has(key)), 'not in topological order');
        }
      }),
      fuzzRuns(4_000),
    );
  });

  it('selects any string against a graph or refuses it with a SelectionError', () => {
    const spec: GraphSpec = { keys: ['raw/a', 'intermediate/b', 'gold/c'], deps: [[], [0], [1]], groups: [undefined, 'nightly', undefined] };
    const graph = graphOf(spec);
    fc.assert(
      fc.property(fc.oneof(anyText, mutatedSelection), (text) => {
        const outcome = outcomeOf(() => selectAssets(text, graph));
        if (!outcome.ok) assertTypedError(outcome.error, ['SELECTION_SYNTAX', 'SELECTION_UNKNOWN_KEY', 'SELECTION_UNKNOWN_GROUP']);
        else for (const key of outcome.value) assert.ok(graph.has(key));
      }),
      fuzzRuns(3_000),
    );
  });
});
