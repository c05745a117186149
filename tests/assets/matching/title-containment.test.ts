import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containment } from '../../../assets/matching/title-containment.ts';

describe('containment: a film title inside a release title, its words in order', () => {
  it('finds the film title with words around it, and the numbers the release adds after it', () => {
    assert.deepEqual(containment('titanic', 'back to titanic'), { start: 2, numbersAfter: [] });
    assert.deepEqual(containment('xanadu', 'saga episode 3 xanadu'), { start: 3, numbersAfter: [] }, 'a number before the title is the franchise\'s');
    assert.deepEqual(containment('toy story', 'toy story 2'), { start: 0, numbersAfter: ['2'] });
    assert.deepEqual(containment('guardians of the galaxy vol 2', 'guardians of the galaxy awesome mix vol 2'), { start: 0, numbersAfter: [] }, 'two words inserted');
    assert.deepEqual(containment('guardians of the galaxy', 'guardians of the galaxy awesome mix vol 1'), { start: 0, numbersAfter: ['1'] });
  });

  it('refuses the same title, words out of order, and too many words in between', () => {
    assert.equal(containment('heat', 'heat'), null);
    assert.equal(containment('star wars', 'wars star'), null);
    assert.equal(containment('love actually', 'love songs from the city actually'), null);
    assert.equal(containment('secret harbor', 'secret and harbor'), null, 'nothing inserted into a two-word title');
    assert.equal(containment('up', 'up in the air'), null, 'a one-word title of fewer than five letters is in too many others');
    assert.equal(containment('', 'anything'), null);
    assert.equal(containment('a long film title', 'short'), null);
  });
});
