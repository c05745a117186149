import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lcsLength, splitWords, tokenSetRatio } from '../../../assets/matching/fuzz-ratios.ts';

type Case = readonly [a: string, b: string, expected: number, why: string];

// Expected values are rapidfuzz's documented outputs or derived by hand: 100·(1 − indel/(|a|+|b|)).
const TOKEN_SET: readonly Case[] = [
  ['fuzzy was a bear', 'fuzzy fuzzy was a bear', 100, 'rapidfuzz docs: same token set'],
  ['fuzzy was a bear but not a dog', 'fuzzy was a bear', 100, 'rapidfuzz docs: one set holds the other'],
  ['fuzzy was a bear but not a dog', 'fuzzy was a bear but not a cat', 100 * (1 - 4 / 52), 'rapidfuzz docs 92.31: sect vs sect+" dog"'],
  ['', 'abc', 0, 'no tokens on one side: 0, as FuzzyWuzzy'],
  ['', '', 0, 'no tokens on either side: 0 too'],
  ['Blade Runner', 'Vangelis - Blade Runner (Original Soundtrack)', 100, 'the original rule: film tokens ⊆ release tokens'],
  ['Ghost', 'Various - Sacred Ghost OST', 100, 'a one-word title is inside any release naming it'],
  ['the matrix', 'The Matrix', 80, 'case counts: no shared token; "matrix the" vs "Matrix The" indel 4 of 20'],
  ['a\ufeffb', 'a b', 100 * (1 - 2 / 6), 'U+FEFF is not Python whitespace: one token'],
];

function table(name: string, scorer: (a: string, b: string) => number, cases: readonly Case[]) {
  describe(name, () => {
    for (const [a, b, expected, why] of cases) {
      it(`${JSON.stringify(a)} ~ ${JSON.stringify(b)} = ${expected.toFixed(2)} (${why})`, () => {
        assert.ok(Math.abs(scorer(a, b) - expected) < 1e-9, `got ${scorer(a, b)}`);
        assert.ok(Math.abs(scorer(b, a) - expected) < 1e-9, 'symmetric');
      });
    }
  });
}

table('tokenSetRatio', tokenSetRatio, TOKEN_SET);

describe('lcsLength', () => {
  it('the bit-parallel LCS equals the dynamic-programming table across word boundaries (32, 64, 96 code points)', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let round = 0; round < 600; round++) {
      const alphabet = 1 + Math.floor(next() * 5);
      const x = Array.from({ length: Math.floor(next() * 140) }, () => Math.floor(next() * alphabet));
      const y = Array.from({ length: Math.floor(next() * 140) }, () => Math.floor(next() * alphabet));
      assert.equal(lcsLength(x, y), lcsByTable(x, y), `|x| ${x.length}, |y| ${y.length}`);
    }
  });
});

describe('splitWords', () => {
  it('splits on Python whitespace and drops empty pieces', () => {
    assert.deepEqual(splitWords('  a\tb\u3000c\u2003 '), ['a', 'b', 'c']);
    assert.deepEqual(splitWords(''), []);
  });
});

function lcsByTable(x: readonly number[], y: readonly number[]): number {
  let previous = new Array<number>(y.length + 1).fill(0);
  for (const a of x) {
    const current = [0];
    for (let j = 0; j < y.length; j++) current.push(a === y[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, current[j]!));
    previous = current;
  }
  return previous[y.length]!;
}
