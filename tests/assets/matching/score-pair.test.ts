import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareForms, scorePair, type FilmForm, type ReleaseForm } from '../../../assets/matching/score-pair.ts';

const film = (...forms: [FilmForm, string | null][]) => prepareForms<FilmForm>(forms);
const release = (...forms: [ReleaseForm, string | null][]) => prepareForms<ReleaseForm>(forms);

describe('scorePair: the best-scoring pair of forms', () => {
  it('scores a title met exactly as 1 on every measure', () => {
    const scored = scorePair(film(['title', 'the hollow star'], ['main_title', 'hollow']), release(['title', 'the hollow star']));
    assert.deepEqual(scored, { score: 1, levenshtein: 1, tokenSort: 1, tokenSet: 1, jaroWinkler: 1, compared: 'title~title', filmForm: 'the hollow star', releaseForm: 'the hollow star' });
  });

  it('takes reordered words as token-sort, and the best pair of forms', () => {
    const scored = scorePair(film(['title', 'winter king'], ['original_title', 'der winterkoenig']), release(['title', 'king winter'], ['title_alt', 'der winterkonig']));
    assert.equal(scored.score, 1);
    assert.equal(scored.compared, 'title~title');
    assert.ok(scored.levenshtein < 1);
  });

  it('prefers a full title to the main title on a tie, wherever the full one comes', () => {
    // The main title meets the release title first; a later full form meeting another release form exactly wins.
    const forms = film(['title', 'mad max fury road'], ['main_title', 'mad max'], ['alternative_title', 'road warrior']);
    assert.equal(scorePair(forms, release(['title', 'mad max'])).compared, 'main_title~title');
    const scored = scorePair(forms, release(['title', 'mad max'], ['title_alt', 'road warrior']));
    assert.equal(scored.compared, 'alternative_title~title_alt');
    assert.equal(scored.score, 1);
  });

  it('computes token-set and Jaro-Winkler only from the detail threshold', () => {
    const scored = scorePair(film(['title', 'dark valley']), release(['title', 'dark volley']), 0.99);
    assert.ok(scored.score < 0.99);
    assert.equal(scored.tokenSet, 0);
    assert.equal(scored.jaroWinkler, 0);
  });
});
