import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composerNames, creditedComposerShare, creditedShare, creditNames, isCreditedComposer, normalizePersonName } from '../../../assets/matching/credit-names.ts';

describe('credit names', () => {
  it('splits a Discogs artist credit into names, dropping disambiguation numbers and "Various"', () => {
    assert.deepEqual(creditNames('John Williams (4), The London Symphony Orchestra'), ['john williams', 'london symphony orchestra']);
    assert.deepEqual(creditNames('Hans Zimmer & Benjamin Wallfisch'), ['hans zimmer', 'benjamin wallfisch']);
    assert.deepEqual(creditNames('Prince And The Revolution'), ['prince', 'revolution']);
    assert.deepEqual(creditNames('Various'), []);
    assert.equal(normalizePersonName('Jóhann Jóhannsson'), 'johann johannsson');
    assert.equal(normalizePersonName('M. M. Keeravani'), normalizePersonName('M.M. Keeravani'), 'initials with or without spaces');
    assert.equal(normalizePersonName('Richard M. Sherman'), 'richard m sherman', 'a single initial stays a word');
  });

  it('finds a film\'s composer in the credit: a whole credit, or a name of two words inside one', () => {
    assert.ok(isCreditedComposer('John Williams (4), The London Symphony Orchestra', ['John Williams']));
    assert.ok(isCreditedComposer('Toto', ['Toto', 'Brian Eno']));
    assert.ok(isCreditedComposer('Ennio Morricone And His Orchestra', ['Ennio Morricone']));
    assert.ok(!isCreditedComposer('Toto', ['Hans Zimmer']));
    assert.ok(!isCreditedComposer('Various', ['John Williams']));
    assert.ok(!isCreditedComposer('Totoro Band', ['Toto']), 'a one-word name must be the whole credit');
    assert.ok(!isCreditedComposer(null, ['John Williams']));
    assert.ok(!isCreditedComposer('John Williams (4)', []));
  });

  it('says how much of the film\'s composer credit the artist credit names', () => {
    assert.equal(creditedComposerShare('Bernard Herrmann, Joel McNeely', ['Bernard Herrmann']), 1);
    assert.equal(creditedComposerShare('Bernard Herrmann, Joel McNeely', ['Bernard Herrmann', 'Danny Elfman']), 0.5);
    assert.equal(creditedComposerShare('Various', ['Bernard Herrmann']), 0);
    assert.equal(creditedComposerShare('Bernard Herrmann', []), 0);
  });

  it('gives the same share from names made once (per release, per film) as from the raw credit', () => {
    const films = [['Bernard Herrmann', 'Danny Elfman'], ['The Chemical Brothers'], ['  ', 'Ennio Morricone'], []];
    const artists = ['Bernard Herrmann, Joel McNeely', 'The Chemical Brothers', 'Ennio Morricone And His Orchestra', 'Various'];
    for (const artist of artists) {
      for (const composers of films) assert.equal(creditedShare(creditNames(artist), composerNames(composers)), creditedComposerShare(artist, composers), `${artist} / ${composers.join(', ')}`);
    }
    assert.equal(creditedShare(creditNames('Ennio Morricone'), composerNames(['  ', 'Ennio Morricone'])), 0.5, 'an unusable name still counts among the composers');
  });

  it('takes two spellings of a transliterated name as one, not names one short word apart', () => {
    assert.ok(isCreditedComposer('Eduard Artemiev', ['Eduard Artemyev']));
    assert.ok(isCreditedComposer('Sergei Prokofiev, USSR State Symphony Orchestra', ['Sergey Prokofiev']));
    assert.ok(!isCreditedComposer('Joel Goldsmith', ['Jerry Goldsmith']), 'father and son');
    assert.ok(!isCreditedComposer('Johnny Greene', ['Johnny Green']), 'a word under six letters must be exact');
    assert.ok(!isCreditedComposer('Eduard Artemievski', ['Eduard Artemyev']));
  });
});
