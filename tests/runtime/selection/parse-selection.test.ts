import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SelectionError } from '../../../runtime/index.ts';
import { formatSelection, parseSelection, type SelectionNode } from '../../../runtime/internal.ts';

const key = (k: string) => ({ kind: 'key', key: k }) as const;
const group = (name: string) => ({ kind: 'group', name }) as const;
const all = { kind: 'all' } as const;

// [input, expected AST, canonical text from formatSelection]
const valid: [string, SelectionNode, string][] = [
  ['gold/matches', key('gold/matches'), 'gold/matches'],
  ['+gold/matches', { kind: 'upstream', of: key('gold/matches') }, '+gold/matches'],
  ['gold/matches+', { kind: 'downstream', of: key('gold/matches') }, 'gold/matches+'],
  ['2+gold/matches', { kind: 'upstream', of: key('gold/matches'), depth: 2 }, '2+gold/matches'],
  ['raw/movies+1', { kind: 'downstream', of: key('raw/movies'), depth: 1 }, 'raw/movies+1'],
  ['12+raw/movies', { kind: 'upstream', of: key('raw/movies'), depth: 12 }, '12+raw/movies'],
  [
    '+intermediate/candidates+',
    { kind: 'union', members: [{ kind: 'upstream', of: key('intermediate/candidates') }, { kind: 'downstream', of: key('intermediate/candidates') }] },
    '+intermediate/candidates+',
  ],
  [
    '2+intermediate/candidates+1',
    {
      kind: 'union',
      members: [
        { kind: 'upstream', of: key('intermediate/candidates'), depth: 2 },
        { kind: 'downstream', of: key('intermediate/candidates'), depth: 1 },
      ],
    },
    '2+intermediate/candidates+1',
  ],
  ['group:intermediate', group('intermediate'), 'group:intermediate'],
  ['+group:intermediate', { kind: 'upstream', of: group('intermediate') }, '+group:intermediate'],
  ['group:intermediate+1', { kind: 'downstream', of: group('intermediate'), depth: 1 }, 'group:intermediate+1'],
  ['*', all, '*'],
  ['raw/a,gold/b+', { kind: 'union', members: [key('raw/a'), { kind: 'downstream', of: key('gold/b') }] }, 'raw/a,gold/b+'],
  [
    '  raw/a ,\tgroup:gold,  * ',
    { kind: 'union', members: [key('raw/a'), group('gold'), all] },
    'raw/a,group:gold,*',
  ],
  [
    'raw/a, +gold/b+',
    {
      kind: 'union',
      members: [key('raw/a'), { kind: 'union', members: [{ kind: 'upstream', of: key('gold/b') }, { kind: 'downstream', of: key('gold/b') }] }],
    },
    'raw/a,+gold/b+',
  ],
  // Lexing is lenient about key shape: the resolver reports an unknown key with suggestions instead.
  ['gold/Matches', key('gold/Matches'), 'gold/Matches'],
  ['matches', key('matches'), 'matches'],
];

// [input, column, reason]
const invalid: [string, number, string][] = [
  ['', 1, 'the selection is empty'],
  ['   ', 4, 'the selection is empty'],
  ['++gold/a', 2, 'expected an asset key, "group:NAME" or "*" but found "+"'],
  ['gold/a+x', 8, 'expected a depth, "," or end of input after "+" but found "x"'],
  ['gold/a++', 8, 'expected a depth, "," or end of input after "+" but found "+"'],
  ['gold/a+1x', 9, 'expected "," or end of input but found "x"'],
  ['raw/a,', 7, 'expected an asset key, "group:NAME" or "*" but found end of input'],
  ['raw/a, ,gold/b', 8, 'expected an asset key, "group:NAME" or "*" but found ","'],
  [',raw/a', 1, 'expected an asset key, "group:NAME" or "*" but found ","'],
  ['raw/a;gold/b', 6, 'expected "," or end of input but found ";"'],
  ['raw/a gold/b', 7, 'expected "," or end of input but found "g"'],
  ['+ raw/a', 2, 'expected an asset key, "group:NAME" or "*" but found a space'],
  ['raw/movies-v2', 11, 'expected "," or end of input but found "-"'],
  ['2raw/a', 2, 'expected "+" after the depth 2 but found "r"'],
  ['0+raw/a', 1, 'a depth must be at least 1'],
  ['+2raw/a', 2, 'expected an asset key, "group:NAME" or "*" but found "2"'],
  ['group:', 7, 'expected a group name after "group:" but found end of input'],
  ['tag:nightly', 1, 'unknown selector "tag:" (only "group:" is supported)'],
  ['raw/a,+', 8, 'expected an asset key, "group:NAME" or "*" but found end of input'],
];

describe('parseSelection', () => {
  for (const [input, expected, canonical] of valid) {
    it(`parses ${JSON.stringify(input)} and formats it back as ${JSON.stringify(canonical)}`, () => {
      const node = parseSelection(input);
      assert.deepEqual(node, expected);
      assert.equal(formatSelection(node), canonical);
      assert.deepEqual(parseSelection(formatSelection(node)), node);
    });
  }

  for (const [input, column, reason] of invalid) {
    it(`rejects ${JSON.stringify(input)} at column ${column}: ${reason}`, () => {
      assert.throws(
        () => parseSelection(input),
        (error: unknown) => {
          assert.ok(error instanceof SelectionError);
          assert.equal(error.code, 'SELECTION_SYNTAX');
          assert.equal(error.message.split('\n')[0], `Invalid selection ${JSON.stringify(input)} at column ${column}: ${reason}.`);
          return true;
        },
      );
    });
  }

  it('points a caret at the column and shows the grammar', () => {
    assert.throws(
      () => parseSelection('gold/a+x'),
      (error: unknown) => {
        assert.ok(error instanceof SelectionError);
        const [, echo, caret, grammar] = error.message.split('\n');
        assert.equal(echo, '  gold/a+x');
        assert.equal(caret, '         ^');
        assert.match(grammar ?? '', /^Selections: KEY, \+KEY .*N\+KEY \/ KEY\+N .*group:NAME, \* .*","/);
        return true;
      },
    );
  });

  it('formats a union of an upstream and a downstream of different operands as two members', () => {
    const node: SelectionNode = { kind: 'union', members: [{ kind: 'upstream', of: key('raw/a') }, { kind: 'downstream', of: key('raw/b') }] };
    assert.equal(formatSelection(node), '+raw/a,raw/b+');
    assert.deepEqual(parseSelection(formatSelection(node)), node);
  });
});
