import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeTitle, normalizeTitle } from '../../../assets/matching/normalize-title.ts';
import { splitDiscogsTitle, titleForms } from '../../../assets/matching/split-discogs-title.ts';

const CASES: ReadonlyArray<readonly [input: string, expected: string, why: string]> = [
  ['The Matrix', 'matrix', 'leading "The"'],
  ['Matrix, The', 'matrix', 'trailing ", The"'],
  ['Matrix, The (Original Motion Picture Soundtrack)', 'matrix', '", The" before a soundtrack suffix'],
  ['Amélie', 'amelie', 'diacritics'],
  ['Léon: The Professional', 'leon the professional', 'colon and inner "The"'],
  ['Y Tu Mamá También', 'y tu mama tambien', 'several diacritics'],
  ['Les Misérables', 'les miserables', 'only English articles are dropped'],
  ["Schindler's List", 'schindlers list', 'apostrophe dropped, not spaced'],
  ['Schindler’s List', 'schindlers list', 'typographic apostrophe'],
  ['Fast & Furious', 'fast and furious', '& → and'],
  ['Lock, Stock & Two Smoking Barrels', 'lock stock and 2 smoking barrels', 'comma and &'],
  ['E.T. the Extra-Terrestrial', 'e t the extra terrestrial', 'punctuation → space'],
  ['WALL·E', 'wall e', 'middle dot'],
  ['WALL-E', 'wall e', 'hyphen spelling meets the middle dot'],
  ['Ｆｕｌｌ Ｗｉｄｔｈ', 'full width', 'NFKD folds full-width letters'],
  ['  Blade   Runner  ', 'blade runner', 'spaces collapsed'],
  ['Blade Runner (Original Motion Picture Soundtrack)', 'blade runner', 'OMPS suffix'],
  ['Black Panther (Music From And Inspired By The Motion Picture)', 'black panther', 'from and inspired by'],
  ['Forrest Gump (Music From The Motion Picture)', 'forrest gump', 'music from the motion picture'],
  ['Sicario OST', 'sicario', 'OST'],
  ['Sicario O.S.T.', 'sicario', 'O.S.T.'],
  ['Dune [Original Motion Picture Score]', 'dune', 'bracketed score'],
  ['Requiem for a Dream - Original Soundtrack', 'requiem for a dream', 'dash suffix'],
  ['Dunkirk Soundtrack', 'dunkirk', 'bare Soundtrack'],
  ['Il Buono, Il Brutto, Il Cattivo (Colonna Sonora Originale)', 'il buono il brutto il cattivo', 'Italian suffix'],
  ['The Score', 'score', 'a title that is all phrase keeps its word'],
  ['The Score (Music From The Motion Picture)', 'score', 'suffix removed, title kept'],
  ['Score', 'score', 'a lone phrase word is the title'],
  ['Soundtrack From Twin Peaks', 'twin peaks', 'a leading run of wording'],
  ['Music From The Motion Picture Soundtrack - Ghost', 'ghost', 'wording before the title, after a dash'],
  ['Jaws (Music From The Original Motion Picture Soundtrack)', 'jaws', 'stacked wording a phrase list missed'],
  ['Saturday Night Fever (The Original Movie Sound Track)', 'saturday night fever', '"sound track" in two words'],
  ['Aliens (Deluxe Edition)', 'aliens', 'an edition in brackets'],
  ['Gladiator: More Music From The Motion Picture', 'gladiator', 'wording after a colon'],
  ['Toy Story (An Original Walt Disney Records Soundtrack)', 'toy story', 'a label inside the wording'],
  ['Batman™ (Motion Picture Soundtrack)', 'batman', 'a trade mark sign'],
  ['The Sound Of Music Soundtrack', 'sound of music', 'a title of wording words keeps them, its strong word goes'],
  ['Music And Lyrics (Music From The Motion Picture)', 'music and lyrics', 'weak words alone are a title'],
  ['Guardians of the Galaxy Vol. 2', 'guardians of the galaxy vol 2', 'a volume number without wording is the title'],
  ['Ghost', 'ghost', '"ost" inside a word is not a suffix'],
  ['Toy Story 2', 'toy story 2', 'sequel number kept'],
  ['Rocky II', 'rocky 2', 'roman sequel numeral as a digit'],
  ['Star Wars: Episode IV - A New Hope', 'star wars episode 4 a new hope', 'roman numeral inside'],
  ['V for Vendetta', 'v for vendetta', 'single-letter numerals stay words'],
  ['One Hundred and One Dalmatians', '101 dalmatians', 'number words as digits, "and" after "hundred"'],
  ["Ocean's Eleven", 'oceans 11', 'a number word meets the numeral ("Ocean\'s 11")'],
  ['Twenty-One', '21', 'a hyphenated number'],
  ['Nineteen Eighty-Four', '1984', 'a year read in pairs'],
  ['One And Only', '1 and only', '"and" joins numbers only after "hundred"'],
  ['Se7en', 'se7en', 'a digit inside a word stays'],
  ['Twin Peaks (Music From The Television Series)', 'twin peaks', 'TV wording kept out of the title'],
  ['The Godfather Part II (Original Soundtrack Recording)', 'godfather part 2', 'soundtrack recording'],
  ['The Lord Of The Rings: The Return Of The King - The Complete Recordings', 'lord of the rings the return of the king', 'a later part of edition words'],
  ['Stop Making Sense - Deluxe Edition', 'stop making sense', 'an edition after a dash'],
  ['The Complete Recordings', 'complete recordings', 'edition words as the whole title are the title'],
  ['Symphonic Suite AKIRA', 'akira', 'a symphonic suite is film music wording before the title'],
  ['千と千尋の神隠し', '千と千尋の神隠し', 'Japanese untouched (voiced kana survive NFKD)'],
  ['ぶ', 'ぶ', 'voicing mark is not a Latin diacritic'],
  ['!!!', '', 'nothing left'],
];

describe('normalizeTitle', () => {
  for (const [input, expected, why] of CASES) {
    it(`${why}: ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(normalizeTitle(input), expected);
    });
  }

  it('keeps what it removed, and the other titles a release title holds', () => {
    assert.deepEqual(analyzeTitle('Fargo / Barton Fink (Original Motion Picture Soundtracks)'), {
      norm: 'fargo barton fink', wording: 'original motion picture soundtracks', alternatives: ['fargo', 'barton fink'], parts: ['fargo', 'barton fink'],
    });
    assert.deepEqual(analyzeTitle('The Road Warrior (Mad Max 2) (Original Motion Picture Soundtrack)'), {
      norm: 'road warrior', wording: 'original motion picture soundtrack', alternatives: ['mad max 2'], parts: [],
    });
    assert.deepEqual(analyzeTitle('Star Wars: Episode IV - A New Hope').parts, ['star wars', 'episode 4', 'a new hope']);
    assert.equal(analyzeTitle('Twin Peaks (Music From The Television Series)').wording, 'music from the television series');
    assert.deepEqual(analyzeTitle('The Score'), { norm: 'score', wording: '', alternatives: [], parts: [] });
  });

  it('keeps a film named after the wording as another title the release holds', () => {
    assert.deepEqual(analyzeTitle('Trainspotting #2 (Music From The Motion Picture Trainspotting)').alternatives, ['trainspotting']);
    assert.deepEqual(analyzeTitle('41 Original Hits From The Soundtrack Of American Graffiti').alternatives, ['american graffiti']);
    assert.deepEqual(analyzeTitle("I'm Breathless (Music From And Inspired By The Film Dick Tracy)"), {
      norm: 'im breathless', wording: 'music from and inspired by the film dick tracy', alternatives: ['dick tracy'], parts: [],
    });
    assert.deepEqual(analyzeTitle("Moulin Rouge! Vol. 2 (Music From Baz Luhrmann's Film)").alternatives, [], 'nothing named after "film"');
    assert.deepEqual(analyzeTitle('Original Soundtrack Recording').alternatives, [], 'only wording after "soundtrack"');
    assert.deepEqual(analyzeTitle('Film Socialisme').alternatives, [], 'no "from"/"of": a title that starts with "film"');
  });

  it('makes both spellings of a soundtrack meet the film', () => {
    assert.equal(normalizeTitle('RAIDERS OF THE LOST ARK [Original Motion Picture Score]'), normalizeTitle('Raiders of the Lost Ark'));
  });
});

describe('splitDiscogsTitle and titleForms', () => {
  it('splits the artist at the first " - "', () => {
    assert.deepEqual(splitDiscogsTitle('Lalo Schifrin - Mission: Impossible - The Soundtrack'), {
      artist: 'Lalo Schifrin',
      title: 'Mission: Impossible - The Soundtrack',
    });
  });

  it('keeps a title without separator whole, artist null', () => {
    assert.deepEqual(splitDiscogsTitle('Untitled'), { artist: null, title: 'Untitled' });
  });

  it('keeps "Various" as the artist of a compilation', () => {
    assert.equal(splitDiscogsTitle('Various - Sicario OST').artist, 'Various');
  });

  it('returns both forms of a bilingual title', () => {
    assert.deepEqual(titleForms('千と千尋の神隠し = Spirited Away (Original Soundtrack)'), ['千と千尋の神隠し', 'Spirited Away (Original Soundtrack)']);
    assert.deepEqual(titleForms('Heat'), ['Heat', null]);
    assert.deepEqual(titleForms('E=MC²'), ['E=MC²', null]);
  });
});
