import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { releaseHint } from '../../../assets/matching/title-features.ts';

describe('releaseHint', () => {
  it('reads a Netflix series as TV, a Netflix film as a film', () => {
    assert.equal(releaseHint('Stranger Things (Music From The Netflix Original Series)', []), 'tv');
    assert.equal(releaseHint('The Crown (Netflix Soundtrack)', []), 'tv');
    assert.equal(releaseHint('Glass Onion: A Knives Out Mystery (Soundtrack From The Netflix Film)', []), null);
    assert.equal(releaseHint('The Irishman (Music From The Netflix Original Film)', []), null);
  });

  it('keeps "from and inspired by" albums however the "and" is written; "inspired by" alone is a decoy', () => {
    assert.equal(releaseHint('Black Panther The Album (Music From And Inspired By)', []), null);
    assert.equal(releaseHint('Spider-Man: Into The Spider-Verse (Soundtrack From & Inspired By The Motion Picture)', []), null);
    assert.equal(releaseHint('Interstellar (Songs Inspired By The Motion Picture)', []), 'inspired-by');
  });
});
