import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchInMemory, type LandedFilm, type LandedRelease } from '../../../assets/matching/match-in-memory.ts';

const film = (tmdb_id: number, title: string, year: number | null, extra: Partial<LandedFilm> = {}): LandedFilm => ({
  tmdb_id, title, release_date: year === null ? '' : `${year}-06-01`, popularity: 10, ...extra,
});
const release = (discogs_id: number, title: string, year: number | null, extra: Partial<LandedRelease> = {}): LandedRelease => ({
  discogs_id, title, year: year === null ? null : String(year), genre: ['Stage & Screen'], style: ['Soundtrack'], format: ['Vinyl', 'LP'], ...extra,
});

async function judge(films: LandedFilm[], releases: LandedRelease[]) {
  const rows = await matchInMemory(films, releases);
  const matches = rows.filter((row) => row.is_match).map((row) => [row.tmdb_id, row.discogs_id]).sort((a, b) => a[1]! - b[1]! || a[0]! - b[0]!);
  const ruleOf = (tmdb: number, discogs: number) => rows.find((row) => row.tmdb_id === tmdb && row.discogs_id === discogs)?.rule;
  return { rows, matches, ruleOf };
}

describe('gold/matches rules', () => {
  it('tells sequels and numbered parts apart', async () => {
    const { matches, ruleOf } = await judge(
      [film(1, 'Rocky', 1976), film(2, 'Rocky II', 1979), film(3, 'Rocky III', 1982), film(4, 'Blade Runner', 1982), film(5, 'Blade Runner 2049', 2017), film(6, 'The Godfather Part II', 1974), film(7, 'Toy Story 2', 1999)],
      [
        release(10, 'Bill Conti - Rocky (Original Motion Picture Score)', 1976),
        release(11, 'Bill Conti - Rocky II (Original Motion Picture Soundtrack)', 1979),
        release(12, 'Bill Conti - Rocky 3 (Original Motion Picture Soundtrack)', 1982),
        release(13, 'Vangelis - Blade Runner', 1982),
        release(14, 'Hans Zimmer & Benjamin Wallfisch - Blade Runner 2049 (Original Motion Picture Soundtrack)', 2017),
        release(15, 'Nino Rota - The Godfather Part II (Original Soundtrack Recording)', 1974),
        release(16, 'Randy Newman - Toy Story 3 (Original Motion Picture Soundtrack)', 2010),
      ],
    );
    assert.deepEqual(matches, [[1, 10], [2, 11], [3, 12], [4, 13], [5, 14], [6, 15]]);
    // No "Toy Story 3" film: its soundtrack meets "Toy Story 2" through a one-word difference, and is refused.
    assert.equal(ruleOf(7, 16), 'sequel_number_mismatch');
    assert.equal(ruleOf(4, 14), undefined, '"blade runner" and "blade runner 2049" are not even kept as a pair scoring ≥ 0.7');
  });

  it('matches a release title that holds the film title, unless it adds a sequel number after it', async () => {
    const { matches, ruleOf } = await judge(
      [film(1, 'Titanic', 1997), film(2, 'Toy Story', 1995), film(3, 'Guardians of the Galaxy', 2014), film(4, 'Guardians of the Galaxy Vol. 2', 2017), film(5, 'Star Wars: The Force Awakens', 2015)],
      [
        release(9, 'James Horner - Titanic (Music From The Motion Picture)', 1997),
        release(10, 'James Horner - Back To Titanic (More Music From The Motion Picture)', 1998),
        release(11, 'Randy Newman - Toy Story 2 (An Original Walt Disney Records Soundtrack)', 1999),
        release(12, 'Various - Guardians Of The Galaxy: Awesome Mix Vol. 1 (Original Motion Picture Soundtrack)', 2014),
        release(13, 'Various - Guardians Of The Galaxy: Awesome Mix Vol. 2 (Original Motion Picture Soundtrack)', 2017),
        release(14, 'Michael Giacchino - Rogue One: A Star Wars Story (Original Motion Picture Soundtrack)', 2016),
      ],
    );
    assert.deepEqual(matches, [[1, 9], [1, 10], [3, 12], [4, 13]]);
    assert.equal(ruleOf(1, 10), 'companion_same_artist', 'inside other words, the film\'s composer links it');
    assert.equal(ruleOf(3, 12), 'title_contained', 'a first volume\'s "1" is not a sequel number');
    assert.equal(ruleOf(3, 13), undefined, 'the second volume adds "2" after the first film\'s title');
    assert.equal(ruleOf(2, 11), 'sequel_number_mismatch', '"toy story 2" holds "toy story", but is the sequel\'s');
    assert.equal(ruleOf(5, 14), undefined, 'a main title without its subtitle ("star wars") is never looked for inside others');
  });

  it('reads the film\'s own number said again after its title as the same film\'s, another number as a sequel\'s', async () => {
    const { matches, ruleOf } = await judge(
      [film(1, 'Guardians of the Galaxy', 2014), film(2, 'Guardians of the Galaxy Vol. 3', 2023)],
      [release(10, 'Various - Guardians Of The Galaxy Vol. 3: Awesome Mix Vol. 3 (Original Motion Picture Soundtrack)', 2023)],
    );
    assert.deepEqual(matches, [[2, 10]]);
    assert.equal(ruleOf(2, 10), 'title_contained');
    assert.notEqual(ruleOf(1, 10), 'title_contained', 'the first film\'s title is followed by a "3" it does not have');
  });

  it('reads a second volume out with the film as the film\'s second album, years later as a sequel\'s', async () => {
    const { matches, ruleOf } = await judge(
      [film(1, 'Moulin Rouge!', 2001), film(2, 'Boogie Nights', 1997), film(3, 'Baby Driver', 2017), film(4, 'Mad Max', 1979)],
      [
        release(10, "Various - Moulin Rouge! Vol. 2 (Music From Baz Luhrmann's Film)", 2002),
        release(11, 'Various - Boogie Nights 2 (More Music From The Original Motion Picture)', 1998),
        release(12, 'Steven Price - Baby Driver Volume 2: The Score For A Score', 2017),
        release(13, 'Various - Moulin Rouge Vol. 2 (Music From The Motion Picture)', 2011),
        release(14, 'Brian May - Mad Max 2 (Original Motion Picture Soundtrack)', 1980),
      ],
    );
    // Ten years on, a second volume is a sequel's (13); a bare number is a sequel's, even out the next year (14).
    assert.deepEqual(matches, [[1, 10], [2, 11], [3, 12]]);
    assert.equal(ruleOf(1, 10), 'title_contained');
  });

  it('reads "More X" out with the film as its second album, years later as another film\'s', async () => {
    const { matches, ruleOf } = await judge(
      [film(1, 'Dirty Dancing', 1987), film(2, 'American Graffiti', 1973)],
      [
        release(10, 'Various - More Dirty Dancing', 1988),
        release(11, 'Various - More American Graffiti (Original Motion Picture Soundtrack)', 1979),
        release(12, 'Various - Once More Dirty Dancing', 1988),
      ],
    );
    assert.deepEqual(matches, [[1, 10]]);
    assert.equal(ruleOf(1, 10), 'title_contained');
  });

  it('reads a film\'s title run on in the same part ("Superfly T.N.T.") as another title, a part of its own as the film\'s', async () => {
    const { matches } = await judge(
      [film(1, 'Super Fly', 1972, { alternative_titles: ['Superfly'], composers: ['Curtis Mayfield'] }), film(2, 'Gladiator', 2000)],
      [
        release(10, 'Osibisa - Superfly T.N.T. (Original Soundtrack)', 1973),
        release(11, 'Hans Zimmer, Lisa Gerrard - Gladiator: Music From The Motion Picture', 2000),
        release(12, 'Hans Zimmer, Lisa Gerrard - Gladiator: The Complete Score', 2000),
      ],
    );
    assert.deepEqual(matches, [[2, 11], [2, 12]]);
  });

  it('reads an edition\'s own year and a number inside a subtitle\'s words as no sequel\'s number', async () => {
    const { matches } = await judge(
      [film(1, 'Akira', 1988), film(2, 'The Hunger Games', 2012)],
      [
        release(10, 'Geinoh Yamashirogumi - Symphonic Suite AKIRA', 1988),
        release(11, 'Geinoh Yamashirogumi - Symphonic Suite AKIRA 2016', 2016, { master_year: 1988 }),
        release(12, 'Geinoh Yamashirogumi - Akira 2', 1989),
        release(13, 'Various - The Hunger Games: Songs From District 12 And Beyond', 2012),
        release(14, 'James Newton Howard - The Hunger Games: Part 2 (Original Motion Picture Score)', 2013),
      ],
    );
    assert.deepEqual(matches, [[1, 10], [1, 11], [2, 13]]);
  });

  it('leaves a title inside other words unmatched without its composer, and sequels of the same composer years later', async () => {
    const { matches, ruleOf } = await judge(
      [film(1, 'Titanic', 1997), film(2, 'Beetlejuice', 1988)],
      [
        release(10, 'Various - Back To Titanic (More Music From The Motion Picture)', 1998),
        release(11, 'Danny Elfman - Beetlejuice (Original Motion Picture Soundtrack)', 1988),
        release(12, 'Danny Elfman - Beetlejuice Beetlejuice (Original Motion Picture Soundtrack)', 2024),
        release(13, 'Various - Beetlejuice: The Legend Returns (Music From The Motion Picture)', 1987),
      ],
    );
    // "Back To Titanic" by Various links to no composer of the film; the same composer 36 years later is a
    // sequel's; "X: Subtitle" out before the film is another film. None of them is even reported.
    assert.deepEqual(matches, [[2, 11]]);
    assert.deepEqual([ruleOf(1, 10), ruleOf(2, 12), ruleOf(2, 13)], [undefined, undefined, undefined]);
  });

  it('gives a release to the film whose composer made it: a reissue decades later, the original\'s pressing in a remake\'s year', async () => {
    const { matches, ruleOf } = await judge(
      [
        film(1, 'Jaws', 1975, { composers: ['John Williams'] }),
        film(2, 'Dune', 1984, { composers: ['Toto', 'Brian Eno'] }),
        film(3, 'Dune', 2021, { composers: ['Hans Zimmer'] }),
        film(4, 'Black Panther', 2018, { composers: ['Ludwig Göransson'] }),
      ],
      [
        release(10, 'John Williams (4) - Jaws (Original Motion Picture Soundtrack)', 2015),
        release(11, 'Toto - Dune (Original Motion Picture Soundtrack)', 2021),
        release(12, 'Hans Zimmer - Dune (Original Motion Picture Soundtrack)', 2021),
        release(13, 'Ludwig Göransson - Black Panther: Wakanda Forever (Original Score)', 2022),
        release(14, 'Various - Jaws (Music Inspired By The Film)', 2015),
      ],
    );
    assert.deepEqual(matches, [[1, 10], [2, 11], [3, 12]]);
    assert.equal(ruleOf(1, 10), 'reissue_by_composer');
    assert.equal(ruleOf(2, 11), 'reissue_by_composer', 'in the remake\'s year, the 1984 film\'s composer');
    assert.equal(ruleOf(3, 11), 'another_film_fits_better');
    assert.equal(ruleOf(4, 13), undefined, 'the same composer\'s sequel, four years later, is not the film\'s');
  });

  it('dates a reissue by its master\'s first pressing when the master was looked up', async () => {
    const { matches, ruleOf } = await judge(
      [film(1, 'Halloween', 1978), film(2, 'Halloween', 2018), film(3, 'Predator', 1987)],
      [
        release(10, 'John Carpenter - Halloween (Original Motion Picture Soundtrack)', 2018, { master_year: 1978 }),
        release(11, 'Alan Silvestri - Predator (Original Motion Picture Soundtrack)', 2003, { master_year: 1987 }),
        release(12, 'John Carpenter, Cody Carpenter, Daniel Davies - Halloween (Original Motion Picture Soundtrack)', 2018, { master_year: 2018 }),
      ],
    );
    assert.deepEqual(matches, [[1, 10], [3, 11], [2, 12]]);
    assert.equal(ruleOf(1, 10), 'reissue_master_year', 'the 1978 score pressed again in the remake\'s year');
    assert.equal(ruleOf(2, 10), 'released_before_film');
    assert.equal(ruleOf(3, 11), 'reissue_master_year');
  });

  it('gives each remake its own soundtrack by year, and a reissue to the film whose pressing shares its master', async () => {
    const { matches, ruleOf } = await judge(
      [film(1, 'Dune', 1984), film(2, 'Dune', 2021)],
      [
        release(10, 'Toto - Dune (Original Soundtrack)', 1984, { master_id: 500 }),
        release(11, 'Hans Zimmer - Dune (Original Motion Picture Soundtrack)', 2021, { master_id: 600 }),
        release(12, 'Toto - Dune (Original Soundtrack)', 2021, { master_id: 500 }),
        release(13, 'Toto - Dune (Original Soundtrack)', 1997, { master_id: 500 }),
      ],
    );
    assert.deepEqual(matches, [[1, 10], [2, 11], [1, 12], [1, 13]]);
    assert.equal(ruleOf(1, 12), 'reissue_same_master');
    assert.equal(ruleOf(2, 12), 'another_film_fits_better');
    assert.equal(ruleOf(2, 10), 'released_before_film');
  });

  it('requires exact equality of very short titles', async () => {
    const { matches, ruleOf } = await judge(
      [film(1, 'Alien', 1979), film(2, 'Aliens', 1986), film(3, 'Up', 2009), film(4, 'Heat', 1995)],
      [
        release(10, 'Jerry Goldsmith - Alien (Original Motion Picture Soundtrack)', 1979),
        release(11, 'James Horner - Aliens (Original Motion Picture Soundtrack)', 1986),
        release(12, 'Michael Giacchino - Up (Original Motion Picture Soundtrack)', 2009),
        release(13, 'Elliot Goldenthal - Heat (Music From The Motion Picture)', 1995),
        release(14, 'Michael Giacchino - Us (Original Score)', 2009),
        release(15, 'Jerry Goldsmith - Alens (Original Motion Picture Soundtrack)', 1979),
      ],
    );
    assert.deepEqual(matches, [[1, 10], [2, 11], [3, 12], [4, 13]]);
    assert.equal(ruleOf(2, 15), 'short_title_inexact');
  });

  it('rules out TV series, video games, "inspired by" albums and unrelated albums, but not "from and inspired by"', async () => {
    const { matches, ruleOf } = await judge(
      [film(1, 'Twin Peaks', 1992), film(2, 'Halo', 2011), film(3, 'Black Panther', 2018), film(4, 'Drive', 2011), film(5, 'Interstellar', 2014)],
      [
        release(10, 'Angelo Badalamenti - Twin Peaks (Music From The Television Series)', 1992),
        release(11, 'Martin O\'Donnell - Halo (Original Video Game Soundtrack)', 2011),
        release(12, 'Various - Black Panther: The Album (Music From And Inspired By)', 2018),
        release(13, 'Various - Interstellar (Songs Inspired By The Motion Picture)', 2014),
        release(14, 'Some Band - Drive', 2011, { genre: ['Rock'], style: ['Indie Rock'] }),
        release(15, 'Cliff Martinez - Drive (Original Motion Picture Soundtrack)', 2011),
      ],
    );
    assert.deepEqual(matches, [[3, 12], [4, 15]]);
    assert.equal(ruleOf(1, 10), 'decoy_tv');
    assert.equal(ruleOf(2, 11), 'decoy_game');
    assert.equal(ruleOf(5, 13), 'decoy_inspired_by');
    assert.equal(ruleOf(4, 14), 'not_film_music');
  });

  it('takes the film\'s composer on its exact title as film music however Discogs files it, not on one title of several', async () => {
    const rock = { genre: ['Rock'], style: ['Pop Rock'] };
    const { matches, ruleOf } = await judge(
      [
        film(1, 'Purple Rain', 1984, { composers: ['Prince'] }),
        film(2, 'An American in Paris', 1951, { composers: ['George Gershwin'] }),
        film(3, 'Drive', 2011, { composers: ['Cliff Martinez'] }),
      ],
      [
        release(10, 'Prince And The Revolution - Purple Rain', 1984, rock),
        release(11, 'George Gershwin, Leonard Bernstein - Rhapsody In Blue / An American In Paris', 1951, { genre: ['Classical'], style: [] }),
        release(12, 'Some Band - Drive', 2011, rock),
      ],
    );
    assert.deepEqual(matches, [[1, 10]]);
    assert.equal(ruleOf(1, 10), 'title_and_year');
    assert.equal(ruleOf(2, 11), 'not_film_music', 'concert works the film is named after');
    assert.equal(ruleOf(3, 12), 'not_film_music', 'another artist\'s album of the same name');
  });

  it('gives a release of several films\' titles joined by " / " to each film that meets a part exactly', async () => {
    const { matches, ruleOf } = await judge(
      [
        film(1, 'Fargo', 1996, { composers: ['Carter Burwell'] }),
        film(2, 'Barton Fink', 1991, { composers: ['Carter Burwell'] }),
        film(3, 'Star Wars', 1977, { composers: ['John Williams'] }),
        film(4, 'Close Encounters of the Third Kind', 1977, { composers: ['John Williams'] }),
        film(5, 'Fargo', 1995, { composers: ['Someone Else'] }),
      ],
      [
        release(10, 'Carter Burwell - Fargo / Barton Fink (Original Motion Picture Soundtracks)', 1996),
        release(11, 'Zubin Mehta, Los Angeles Philharmonic Orchestra - Star Wars / Close Encounters Of The Third Kind', 1977),
      ],
    );
    assert.deepEqual(matches, [[1, 10], [2, 10], [3, 11], [4, 11]]);
    assert.equal(ruleOf(2, 10), 'reissue_by_composer', 'a part is judged as a release of its own: Barton Fink\'s composer, five years on');
    assert.equal(ruleOf(5, 10), 'another_film_fits_better', 'within a part, one film still wins');
  });

  it('gives a re-recording to the remade film whose composers its credit names most fully', async () => {
    const { matches, ruleOf } = await judge(
      [film(1, 'Psycho', 1960, { composers: ['Bernard Herrmann'] }), film(2, 'Psycho', 1998, { composers: ['Bernard Herrmann', 'Danny Elfman'] })],
      [
        release(10, 'Bernard Herrmann, The Royal Scottish National Orchestra, Joel McNeely - Psycho (The Complete Original Motion Picture Score)', 1997),
        release(11, 'Bernard Herrmann, Danny Elfman - Psycho (Original Motion Picture Score)', 1998),
      ],
    );
    assert.deepEqual(matches, [[1, 10], [2, 11]]);
    assert.equal(ruleOf(1, 10), 'reissue_by_composer');
    assert.equal(ruleOf(2, 10), 'another_film_fits_better', 'a year from the remake, but it names half its composers');
  });

  it('on a small labelled set, yields exactly the expected matches, each row explaining itself', async () => {
    const { rows, matches } = await judge(
      [
        film(1, 'Spirited Away', 2001, { original_title: '千と千尋の神隠し' }),
        film(2, 'Amélie', 2001, { original_title: "Le Fabuleux Destin d'Amélie Poulain" }),
        film(3, 'The Matrix', 1999),
        film(4, 'Mad Max: Fury Road', 2015),
        film(5, 'Mad Max', 1979),
        film(6, 'Titanic', 1997),
        film(7, 'Jaws', 1975),
      ],
      [
        release(10, 'Joe Hisaishi - 千と千尋の神隠し = Spirited Away', 2001),
        release(11, "Yann Tiersen - Le Fabuleux Destin D'Amélie Poulain (Bande Originale Du Film)", 2001),
        release(12, 'Don Davis - Matrix, The (Original Motion Picture Score)', 1999),
        release(13, 'Junkie XL - Mad Max (Original Motion Picture Soundtrack)', 2015),
        release(14, 'Brian May - Mad Max (Original Motion Picture Soundtrack)', 1980),
        release(15, 'James Horner - Titanc (Music From The Motion Picture)', 1997),
        release(16, 'John Williams - Jaws', null, { master_id: 77 }),
        release(17, 'John Williams - Jaws (Original Motion Picture Soundtrack)', 1975, { master_id: 77 }),
      ],
    );
    assert.deepEqual(matches, [[1, 10], [2, 11], [3, 12], [4, 13], [5, 14], [6, 15], [7, 16], [7, 17]]);
    const matrix = rows.find((row) => row.discogs_id === 12 && row.is_match)!;
    assert.equal(matrix.rule, 'title_and_year');
    assert.equal(matrix.year_diff, 0);
    assert.equal(matrix.score, 1);
    assert.ok(matrix.token_set > 0 && matrix.jaro_winkler > 0);
    assert.equal(rows.find((row) => row.discogs_id === 13 && row.is_match)!.rule, 'subtitle_dropped');
    assert.equal(rows.find((row) => row.discogs_id === 16 && row.is_match)!.rule, 'undated_same_master');
  });
});
