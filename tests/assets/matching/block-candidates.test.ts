import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockCandidates, blockedByOf, type BlockingOptions, isNearTitle, WORD_TYPO_MIN_SIMILARITY } from '../../../assets/matching/block-candidates.ts';
import { SCORE_THRESHOLD } from '../../../assets/matching/judge-matches.ts';

const film = (tmdb_id: number, title_norm: string) => ({ tmdb_id, title_norm, original_title_norm: null, main_title_norm: null });
const release = (discogs_id: number, title: string) => ({ discogs_id, title_forms: [title] });

/** The pairs as `film title ~ release title: keys`. */
function blocked(films: ReturnType<typeof film>[], releases: ReturnType<typeof release>[], options: BlockingOptions = {}): string[] {
  const { pairs } = blockCandidates(films, releases, options);
  return pairs.films.map((index, pair) => `${films[index]!.title_norm} ~ ${releases[pairs.releases[pair]!]!.title_forms[0]}: ${blockedByOf(pairs.keys[pair]!)}`);
}

describe('blocking: which (film, release) pairs are scored', () => {
  it('names each pair\'s keys, in alphabetical order', () => {
    assert.equal(blockedByOf(0b0110), 'exact+token');
    assert.equal(blockedByOf(0b1001), 'contains+typo');
    assert.deepEqual(blocked([film(1, 'titanic'), film(2, 'heat')], [release(10, 'heat'), release(11, 'titanc')]), ['heat ~ heat: exact', 'titanic ~ titanc: typo']);
  });

  it('pairs one-edit typos and long titles one close word apart, not titles that only share a typo key', () => {
    assert.deepEqual(
      blocked(
        [film(1, 'winter king'), film(2, 'the storm of the hollow star'), film(3, 'daughter of the lorcogria star')],
        [release(10, 'winter wing'), release(11, 'the storm of the empty star'), release(12, 'thedaughter of the lorcogria star'), release(13, 'the storm of the hollow stars')],
        { maxTokenFilms: 0 },
      ),
      ['winter king ~ winter wing: typo', 'daughter of the lorcogria star ~ thedaughter of the lorcogria star: typo', 'the storm of the hollow star ~ the storm of the hollow stars: typo'],
    );
  });

  it('checks the titles behind a typo key: one edit, or as alike as the judge requires when a word differs', () => {
    assert.equal(isNearTitle('winter king', 'winter wing', false), true);
    assert.equal(isNearTitle('winter king', 'wintre king', false), false, 'a transposition is two edits');
    assert.equal(isNearTitle('the storm of the hollow star', 'the storm of the empty star', true), false, 'another word in its place');
    assert.equal(isNearTitle('storm of the empty heart', 'th storm of the empty heart', true), true, 'the release holds the film title');
    assert.equal(isNearTitle('daughter of the lorcogria star', 'thedaughter of the lorcogria star', true), true);
    assert.equal(WORD_TYPO_MIN_SIMILARITY, SCORE_THRESHOLD, 'a word typo is kept when the judge could match it');
  });
});
