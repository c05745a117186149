import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutKeyCount, eachCutKey } from '../../../assets/matching/cut-keys.ts';

const keysOf = (text: string, maxLength = 24) => {
  const keys: [number, boolean][] = [];
  eachCutKey(text, maxLength, (key, byWord) => keys.push([key, byWord]));
  return keys;
};
/** The key of a whole string. */
const keyOf = (text: string) => keysOf(text, Infinity).find(([, byWord]) => !byWord)![0];

describe('cut keys: a title with a character or a word cut out, as a number', () => {
  it('gives each cut the key of the string it leaves', () => {
    for (const title of ['the storm of the hollow star', 'winter king', 'kill', 'a b c', 'amélie', '東京 物語 の 夜']) {
      const words = title.split(' ');
      const byWord = words.length >= 3 ? words.map((_, skip) => words.filter((__, index) => index !== skip).join(' ')) : [];
      const byCharacter = title.length <= 24 ? [title, ...[...title].map((_, index) => title.slice(0, index) + title.slice(index + 1))] : [];
      assert.deepEqual(keysOf(title), [...byWord.map((text) => [keyOf(text), true]), ...byCharacter.map((text) => [keyOf(text), false])], title);
    }
  });

  it('counts the keys it will visit, so their tables are sized before the first one', () => {
    for (const title of ['the storm of the hollow star', 'winter king', 'kill', 'a b c', 'x', 'amélie', 'a title much longer than the typo limit']) {
      for (const maxLength of [0, 5, 24, 100]) assert.equal(cutKeyCount(title, maxLength), keysOf(title, maxLength).length, `${title} up to ${maxLength}`);
    }
  });

  it('meets the same key from both sides of a one-edit typo, and tells other titles apart', () => {
    const shared = (a: string, b: string) => keysOf(a).some(([key]) => keysOf(b).some(([other]) => other === key));
    assert.ok(shared('titanic', 'titanc'));
    assert.ok(shared('winter king', 'winter wing'));
    assert.ok(shared('the storm of the hollow star', 'the storm of the empty star'), 'one word in another\'s place');
    assert.ok(!shared('heat', 'dune'));
    assert.notEqual(keyOf('ab'), keyOf('ba'));
    assert.ok(Number.isSafeInteger(keyOf('a title long enough to wrap the moduli several times over')));
  });

  it('cuts nothing from a title longer than maxLength but its words', () => {
    assert.equal(keysOf('the storm of the hollow star', 10).length, 6);
    assert.equal(keysOf('winter king', 5).length, 0);
  });
});
