// Part of the real-world matching set (see ../real-world-cases.ts for the format and the rules).
//
// Scope: English-language films first released 1990–2009 that are not already in the first part (Tarantino,
// Pixar and DreamWorks, superhero films, Harry Potter, The Lord of the Rings, Pirates of the Caribbean, Twilight,
// film musicals, indie and songs-driven films).
//
// Written from memory, without network. Each release's `note` says where its form comes from ("form: …") or why it
// is a decoy ("decoy: …"), and says so where the exact Discogs wording, year or even existence is uncertain.
// tmdb_ids are TMDB's ids as recalled; the few that are doubtful say so in the film's note.
//
// Ids: discogs_id 300100–304999, one hundred per film or franchise (300100 Harry Potter, 300200 The Lord of the
// Rings, …). Decoy 'other-film' releases name only 1990–2009 English-language films deliberately left out of the
// catalogue (X-Men Origins: Wolverine, The Crow: City Of Angels, Down From The Mountain, Hamlet 2), so that no other
// part can make one of them a true pair. Romeo + Juliet (1996) is left out on purpose: the classics part lists its
// album as an 'other-film' decoy. Spider-Man game and stage decoys live in the recent part and are not repeated here.
import type { RealWorldCases, RealWorldFilm, RealWorldPair, RealWorldRelease } from '../real-world-cases.ts';
import { CASS_UNOFF, CD, CD_COMP, CD_DLX, CD_UNOFF, FILE, LP, LP_RE, MUSICAL, ROCK_POP_SS, SC, SINGLE, SS, ST, STSC, ST_MUS, r } from './release-builder.ts';

// ---------------------------------------------------------------------------------------------------------------
// Films
// ---------------------------------------------------------------------------------------------------------------

const FILMS: readonly RealWorldFilm[] = [
  // Harry Potter (films 1–6; Deathly Hallows is 2010+ and not in this part)
  { tmdb_id: 671, title: "Harry Potter and the Philosopher's Stone", release_date: '2001-11-16', composers: ['John Williams'],
    alternative_titles: ["Harry Potter and the Sorcerer's Stone"] },
  { tmdb_id: 672, title: 'Harry Potter and the Chamber of Secrets', release_date: '2002-11-13', composers: ['John Williams'] },
  { tmdb_id: 673, title: 'Harry Potter and the Prisoner of Azkaban', release_date: '2004-05-31', composers: ['John Williams'] },
  { tmdb_id: 674, title: 'Harry Potter and the Goblet of Fire', release_date: '2005-11-16', composers: ['Patrick Doyle'] },
  { tmdb_id: 675, title: 'Harry Potter and the Order of the Phoenix', release_date: '2007-07-08', composers: ['Nicholas Hooper'] },
  { tmdb_id: 767, title: 'Harry Potter and the Half-Blood Prince', release_date: '2009-07-07', composers: ['Nicholas Hooper'] },
  // The Lord of the Rings
  { tmdb_id: 120, title: 'The Lord of the Rings: The Fellowship of the Ring', release_date: '2001-12-18', composers: ['Howard Shore'] },
  { tmdb_id: 121, title: 'The Lord of the Rings: The Two Towers', release_date: '2002-12-18', composers: ['Howard Shore'] },
  { tmdb_id: 122, title: 'The Lord of the Rings: The Return of the King', release_date: '2003-12-01', composers: ['Howard Shore'] },
  // Tarantino (Pulp Fiction and Kill Bill are in the first part)
  { tmdb_id: 500, title: 'Reservoir Dogs', release_date: '1992-09-02' },
  { tmdb_id: 184, title: 'Jackie Brown', release_date: '1997-12-25' },
  { tmdb_id: 16869, title: 'Inglourious Basterds', release_date: '2009-08-02' },
  { tmdb_id: 319, title: 'True Romance', release_date: '1993-09-09', composers: ['Hans Zimmer'], note: 'written by Tarantino, directed by Tony Scott' },
  // Pixar (Toy Story, Cars and Up are in the first part)
  { tmdb_id: 9487, title: "A Bug's Life", release_date: '1998-11-25', composers: ['Randy Newman'] },
  { tmdb_id: 12, title: 'Finding Nemo', release_date: '2003-05-30', composers: ['Thomas Newman'] },
  { tmdb_id: 9806, title: 'The Incredibles', release_date: '2004-10-27', composers: ['Michael Giacchino'] },
  { tmdb_id: 10681, title: 'WALL·E', release_date: '2008-06-22', composers: ['Thomas Newman'], alternative_titles: ['WALL-E', 'Wall-E'],
    note: 'TMDB writes an interpunct "·"' },
  // DreamWorks (Shrek and Shrek 2 are in the first part)
  { tmdb_id: 9837, title: 'The Prince of Egypt', release_date: '1998-12-16', composers: ['Hans Zimmer', 'Stephen Schwartz'] },
  { tmdb_id: 9502, title: 'Kung Fu Panda', release_date: '2008-06-04', composers: ['Hans Zimmer', 'John Powell'] },
  // Superhero films (Batman Returns and Batman Begins are in the first part)
  { tmdb_id: 557, title: 'Spider-Man', release_date: '2002-05-01', composers: ['Danny Elfman'] },
  { tmdb_id: 558, title: 'Spider-Man 2', release_date: '2004-06-25', composers: ['Danny Elfman'] },
  { tmdb_id: 559, title: 'Spider-Man 3', release_date: '2007-05-01', composers: ['Christopher Young'] },
  { tmdb_id: 36657, title: 'X-Men', release_date: '2000-07-13', composers: ['Michael Kamen'] },
  { tmdb_id: 36658, title: 'X2', release_date: '2003-04-24', composers: ['John Ottman'], alternative_titles: ['X2: X-Men United', 'X-Men 2'] },
  { tmdb_id: 36668, title: 'X-Men: The Last Stand', release_date: '2006-05-24', composers: ['John Powell'], alternative_titles: ['X-Men 3'] },
  { tmdb_id: 1927, title: 'Hulk', release_date: '2003-06-19', composers: ['Danny Elfman'], alternative_titles: ['The Hulk'] },
  { tmdb_id: 1724, title: 'The Incredible Hulk', release_date: '2008-06-12', composers: ['Craig Armstrong'],
    note: 'reboot five years after Hulk: two films around one hero, each with its own score' },
  { tmdb_id: 1726, title: 'Iron Man', release_date: '2008-04-30', composers: ['Ramin Djawadi'] },
  { tmdb_id: 155, title: 'The Dark Knight', release_date: '2008-07-16', composers: ['Hans Zimmer', 'James Newton Howard'] },
  // Mission: Impossible (TMDB numbers the second film "II", the albums say "2")
  { tmdb_id: 954, title: 'Mission: Impossible', release_date: '1996-05-22', composers: ['Danny Elfman'] },
  { tmdb_id: 955, title: 'Mission: Impossible II', release_date: '2000-05-24', composers: ['Hans Zimmer'], alternative_titles: ['M:I-2', 'Mission: Impossible 2'] },
  { tmdb_id: 956, title: 'Mission: Impossible III', release_date: '2006-05-03', composers: ['Michael Giacchino'], alternative_titles: ['M:i:III'] },
  // Pirates of the Caribbean (franchise prefix + subtitle)
  { tmdb_id: 22, title: 'Pirates of the Caribbean: The Curse of the Black Pearl', release_date: '2003-07-09', composers: ['Klaus Badelt'] },
  { tmdb_id: 58, title: "Pirates of the Caribbean: Dead Man's Chest", release_date: '2006-07-06', composers: ['Hans Zimmer'] },
  { tmdb_id: 285, title: "Pirates of the Caribbean: At World's End", release_date: '2007-05-19', composers: ['Hans Zimmer'] },
  // Twilight ("The Twilight Saga: …" from the second film on)
  { tmdb_id: 8966, title: 'Twilight', release_date: '2008-11-20', composers: ['Carter Burwell'] },
  { tmdb_id: 18239, title: 'The Twilight Saga: New Moon', release_date: '2009-11-18', composers: ['Alexandre Desplat'], alternative_titles: ['New Moon'] },
  // Film musicals (Chicago is in the first part)
  { tmdb_id: 824, title: 'Moulin Rouge!', release_date: '2001-05-18', composers: ['Craig Armstrong'] },
  { tmdb_id: 8816, title: 'Evita', release_date: '1996-12-14', composers: ['Andrew Lloyd Webber'] },
  { tmdb_id: 1125, title: 'Dreamgirls', release_date: '2006-12-15', composers: ['Henry Krieger'] },
  { tmdb_id: 11631, title: 'Mamma Mia!', release_date: '2008-07-02', composers: ['Benny Andersson', 'Björn Ulvaeus'] },
  { tmdb_id: 13885, title: 'Sweeney Todd: The Demon Barber of Fleet Street', release_date: '2007-12-21', composers: ['Stephen Sondheim'] },
  { tmdb_id: 9833, title: 'The Phantom of the Opera', release_date: '2004-12-08', composers: ['Andrew Lloyd Webber'] },
  { tmdb_id: 1833, title: 'Rent', release_date: '2005-11-23', composers: ['Jonathan Larson'], note: 'tmdb_id as recalled, not certain' },
  { tmdb_id: 10020, title: 'Beauty and the Beast', release_date: '1991-11-13', composers: ['Alan Menken'],
    note: 'the 1991 animated film; the 2017 remake belongs to another part of the set' },
  // Indies and songs-driven films
  { tmdb_id: 7326, title: 'Juno', release_date: '2007-12-05', composers: ['Mateo Messina'] },
  { tmdb_id: 153, title: 'Lost in Translation', release_date: '2003-09-18' },
  { tmdb_id: 638, title: 'Lost Highway', release_date: '1997-01-15', composers: ['Angelo Badalamenti'] },
  { tmdb_id: 421, title: 'The Life Aquatic with Steve Zissou', release_date: '2004-12-10', composers: ['Mark Mothersbaugh'] },
  { tmdb_id: 334, title: 'Magnolia', release_date: '1999-12-17', composers: ['Jon Brion'] },
  { tmdb_id: 4995, title: 'Boogie Nights', release_date: '1997-10-10', composers: ['Michael Penn'] },
  { tmdb_id: 134, title: 'O Brother, Where Art Thou?', release_date: '2000-08-30', composers: ['T Bone Burnett'] },
  { tmdb_id: 2055, title: 'Singles', release_date: '',
    note: 'release date left blank on purpose (real: 1992-09-18); tmdb_id as recalled, not certain' },
  { tmdb_id: 9495, title: 'The Crow', release_date: '', composers: ['Graeme Revell'],
    note: 'release date left blank on purpose (real: 1994-05-11); its 1996 sequel is a decoy release' },
  { tmdb_id: 65, title: '8 Mile', release_date: '2002-11-08' },
  { tmdb_id: 10264, title: 'Hamlet', release_date: '', composers: ['Ennio Morricone'],
    note: "Zeffirelli's Hamlet; release date left blank on purpose (real: 1990-12-19); tmdb_id as recalled, not certain" },
  { tmdb_id: 10549, title: 'Hamlet', release_date: '1996-12-25', composers: ['Patrick Doyle'], alternative_titles: ["William Shakespeare's Hamlet"],
    note: "Branagh's Hamlet: same title as the 1990 film, six years later" },
  { tmdb_id: 5723, title: 'Once', release_date: '2007-03-23', composers: ['Glen Hansard', 'Markéta Irglová'] },
  { tmdb_id: 5915, title: 'Into the Wild', release_date: '2007-09-21', composers: ['Michael Brook', 'Eddie Vedder', 'Kaki King'] },
  { tmdb_id: 14, title: 'American Beauty', release_date: '1999-09-15', composers: ['Thomas Newman'] },
  { tmdb_id: 4348, title: 'Pride & Prejudice', release_date: '2005-09-16', composers: ['Dario Marianelli'], alternative_titles: ['Pride and Prejudice'] },
  { tmdb_id: 8592, title: 'Dick Tracy', release_date: '1990-06-15', composers: ['Danny Elfman'] },
];

// ---------------------------------------------------------------------------------------------------------------
// Releases
// ---------------------------------------------------------------------------------------------------------------

const POP_SS = ['Pop', 'Stage & Screen'];
const ROCK_SS = ['Rock', 'Stage & Screen'];
const CD_RE_DLX = ['CD', 'Album', 'Reissue', 'Deluxe Edition'];
const BOX = ['Box Set', 'CD', 'DVD', 'Album', 'Limited Edition'];

const RELEASES: readonly RealWorldRelease[] = [
  // Harry Potter — 300100
  r(300101, "John Williams (4) - Harry Potter And The Philosopher's Stone (Original Motion Picture Soundtrack)", '2001', 'score', SS, STSC, CD,
    'form: recalled from the 2001 Warner/Atlantic CD as pressed for the UK and Europe, which keeps the British title; exact listing uncertain', 2001),
  r(300102, "John Williams (4) - Harry Potter And The Sorcerer's Stone (Original Motion Picture Soundtrack)", '2001', 'score', SS, STSC, CD,
    'form: recalled from the 2001 US Atlantic CD; US title of the film (a TMDB alternative title), REGIONAL-TITLE case', 2001),
  r(300103, "John Williams (4) - Harry Potter And The Sorcerer's Stone (Original Motion Picture Soundtrack)", '2018', 'reissue', SS, STSC, LP_RE,
    'form: 2xLP vinyl reissue of the 2001 album under the US title; recalled as a late-2010s pressing, label and year uncertain', 2001),
  r(300104, "John Williams (4) - ハリー・ポッターと賢者の石 = Harry Potter And The Sorcerer's Stone (Original Motion Picture Soundtrack)", '2001', 'bilingual', SS, STSC, CD,
    'form: Discogs convention for Japanese pressings ("Japanese = English"); that the Japanese CD is listed exactly so is uncertain', 2001),
  r(300105, 'John Williams (4) - Harry Potter And The Chamber Of Secrets (Original Motion Picture Soundtrack)', '2002', 'score', SS, STSC, CD,
    'form: recalled from the 2002 Warner Sunset/Atlantic CD'),
  r(300106, 'John Williams (4) - Harry Potter And The Prisoner Of Azkaban (Original Motion Picture Soundtrack)', '2004', 'score', SS, STSC, CD,
    'form: recalled from the 2004 Warner Sunset/Atlantic CD'),
  r(300107, 'Patrick Doyle - Harry Potter And The Goblet Of Fire (Original Motion Picture Soundtrack)', '2005', 'score', SS, STSC, CD,
    'form: recalled from the 2005 Warner Sunset CD; the composer changes with the fourth film'),
  r(300108, 'Nicholas Hooper - Harry Potter And The Order Of The Phoenix (Original Motion Picture Soundtrack)', '2007', 'score', SS, STSC, CD,
    'form: recalled from the 2007 Warner Sunset CD'),
  r(300109, 'Nicholas Hooper - Harry Potter And The Half-Blood Prince (Original Motion Picture Soundtrack)', '2009', 'score', SS, STSC, CD,
    'form: recalled from the 2009 Warner Sunset CD; the hyphen of "Half-Blood" as TMDB writes it'),
  r(300110, 'Harry And The Potters - Harry And The Potters', '2003', 'unrelated-album', ['Rock'], ['Indie Rock', 'Lo-Fi'], CD,
    'decoy: wizard-rock band\'s self-titled debut; carries "Harry" and "Potter(s)"; year as recalled'),
  r(300111, 'Imogen Heap - Music From Harry Potter And The Cursed Child - In Four Contemporary Suites', '2019', 'cast-recording', ['Electronic', 'Stage & Screen'], ['Score', 'Ambient'], CD,
    'decoy: music of the 2016 stage play, not a film (cast-recording is the nearest kind); title form as recalled, Discogs may bracket the suffix'),
  r(300112, 'The City Of Prague Philharmonic Orchestra - Music From The Harry Potter Films', '2005', 'compilation', ['Classical', 'Stage & Screen'], SC, CD_COMP,
    'decoy: Silva Screen-style re-recorded suites from several Harry Potter films; belongs to no single film; exact title and year uncertain'),

  // The Lord of the Rings — 300200
  r(300201, 'Howard Shore - The Lord Of The Rings: The Fellowship Of The Ring (Original Motion Picture Soundtrack)', '2001', 'score', SS, STSC, CD,
    'form: recalled from the 2001 Reprise CD', 2001),
  r(300202, 'Howard Shore - The Lord Of The Rings: The Two Towers (Original Motion Picture Soundtrack)', '2002', 'score', SS, STSC, CD,
    'form: recalled from the 2002 Reprise CD', 2002),
  r(300203, 'Howard Shore - The Lord Of The Rings: The Return Of The King (Original Motion Picture Soundtrack)', '2003', 'score', SS, STSC, CD,
    'form: recalled from the 2003 Reprise CD; "Return Of The" is shared with Return Of The Jedi', 2003),
  r(300204, 'Howard Shore - The Lord Of The Rings: The Fellowship Of The Ring - The Complete Recordings', '2005', 'score', SS, STSC, BOX,
    'form: recalled from the 2005 Reprise 3CD + DVD-Audio box; its own master, four years after the film; "The Complete Recordings" after a dash', 2005),
  r(300205, 'Howard Shore - The Lord Of The Rings: The Return Of The King - The Complete Recordings', '2007', 'score', SS, STSC, BOX,
    'form: recalled from the 2007 Reprise 4CD + DVD-Audio box; four years after the film', 2007),
  r(300206, 'Howard Shore - The Lord Of The Rings: The Two Towers (Original Motion Picture Soundtrack)', '2018', 'reissue', SS, STSC, LP_RE,
    'form: 2xLP vinyl reissue of the 2002 album; recalled as a late-2010s Rhino/Reprise pressing, year uncertain', 2002),
  r(300207, 'Howard Shore - ロード・オブ・ザ・リング = The Lord Of The Rings: The Fellowship Of The Ring (Original Motion Picture Soundtrack)', '2002', 'bilingual', SS, STSC, CD,
    'form: Discogs convention for Japanese pressings ("Japanese = English"; the Japanese release title was "ロード・オブ・ザ・リング"); exact listing and year uncertain', 2001),
  r(300208, 'Bo Hansson - Music Inspired By Lord Of The Rings', '1972', 'inspired-by', ['Rock', 'Electronic'], ['Prog Rock'], LP,
    'decoy: 1972 Charisma LP "inspired by" the novel (Swedish original "Sagan Om Ringen", 1970); not a film album'),
  r(300209, 'Bear McCreary - The Lord Of The Rings: The Rings Of Power (Season One: Amazon Original Series Soundtrack)', '2022', 'tv-series', SS, SC, CD,
    'decoy: Amazon TV series, 2022; contains "The Lord Of The Rings"; wording as recalled'),
  r(300210, 'Chance Thomas - The Lord Of The Rings Online: Shadows Of Angmar (Original Game Soundtrack)', '2007', 'video-game', SS, SC, CD,
    'decoy: MMO video game, 2007; composer recalled, release wording and format uncertain'),

  // Reservoir Dogs — 300300 (Tarantino)
  r(300301, 'Various - Reservoir Dogs (Original Motion Picture Soundtrack)', '1992', 'soundtrack', ['Rock', 'Funk / Soul', 'Stage & Screen'], ['Soundtrack', 'Pop Rock', 'Soul'], CD,
    'form: recalled from the 1992 MCA CD (songs with dialogue)', 1992),
  r(300302, 'Various - Reservoir Dogs - Original Motion Picture Soundtrack', null, 'soundtrack', ['Rock', 'Funk / Soul', 'Stage & Screen'], ['Soundtrack', 'Pop Rock'], CASS_UNOFF,
    'form: unofficial cassette, soundtrack wording after a dash and no year; representative of a common pattern, not a specific release', null),
  r(300303, 'Various - Reservoir Dogs / Pulp Fiction', '2000', 'soundtrack', ['Rock', 'Funk / Soul', 'Stage & Screen'], ['Soundtrack', 'Surf', 'Soul'], ['Box Set', 'CD', 'Album', 'Compilation'],
    'form: the two MCA soundtracks sold as one twin pack; existence, wording and year uncertain; two films joined with "/": a true pair for both (Pulp Fiction is in the first part)'),
  r(300304, 'Various - The Tarantino Connection', '1996', 'compilation', ['Rock', 'Funk / Soul', 'Stage & Screen'], ['Soundtrack', 'Surf'], CD_COMP,
    'decoy: 1996 MCA compilation of songs from several Tarantino-related films; belongs to no single film'),

  // Jackie Brown — 300400
  r(300401, 'Various - Jackie Brown (Music From The Miramax Motion Picture)', '1997', 'soundtrack', ['Funk / Soul', 'Stage & Screen'], ['Soundtrack', 'Soul', 'Funk'], CD,
    'form: recalled from the 1997 Maverick CD'),

  // Inglourious Basterds — 300500
  r(300501, 'Various - Inglourious Basterds (Motion Picture Soundtrack)', '2009', 'soundtrack', ['Rock', 'Stage & Screen'], ['Soundtrack', 'Score'], CD,
    'form: recalled from the 2009 Maverick/Warner CD (Morricone and other library cues, Bowie)'),
  r(300502, 'Inglorious - Inglorious', '2016', 'unrelated-album', ['Rock'], ['Hard Rock'], CD,
    'decoy: British hard-rock band\'s self-titled debut; the word spelt correctly; year as recalled'),

  // True Romance — 300600
  r(300601, 'Various - True Romance (Motion Picture Soundtrack)', '1993', 'soundtrack', ['Rock', 'Electronic', 'Stage & Screen'], ['Soundtrack', 'Score'], CD,
    'form: recalled from the 1993 Morgan Creek CD (Hans Zimmer cues plus songs)'),
  r(300602, 'Estelle - True Romance', '2015', 'unrelated-album', ['Funk / Soul', 'Pop'], ['Contemporary R&B'], CD,
    'decoy: singer\'s album with the identical title; year as recalled'),

  // Pixar — 300700 A Bug's Life, 300800 Finding Nemo, 300900 The Incredibles, 301000 WALL·E
  r(300701, "Randy Newman - A Bug's Life (An Original Walt Disney Records Soundtrack)", '1998', 'score', ['Pop', 'Stage & Screen'], STSC, CD,
    'form: Disney wording as on the Toy Story albums; recalled from the 1998 Walt Disney Records CD'),
  r(300801, 'Thomas Newman - Finding Nemo (Original Motion Picture Soundtrack)', '2003', 'score', SS, SC, CD,
    'form: 2003 Walt Disney Records CD; Discogs wording uncertain (may read "An Original Walt Disney Records Soundtrack")'),
  r(300901, 'Michael Giacchino - The Incredibles (Original Motion Picture Soundtrack)', '2004', 'score', ['Jazz', 'Stage & Screen'], ['Soundtrack', 'Score', 'Big Band'], CD,
    'form: recalled from the 2004 Walt Disney Records CD'),
  r(300902, 'The Incredible String Band - The Incredible String Band', '1966', 'unrelated-album', ['Folk, World, & Country'], ['Folk', 'Psychedelic'], LP,
    'decoy: band\'s self-titled 1966 debut (Elektra); "Incredible" competes with both The Incredibles and The Incredible Hulk'),
  r(301001, 'Thomas Newman - WALL•E (Original Motion Picture Soundtrack)', '2008', 'score', SS, SC, CD,
    'form: recalled from the 2008 Walt Disney Records CD; Discogs writes a bullet "•" where TMDB writes "·" (the exact character on Discogs is uncertain)'),
  r(301002, 'Thomas Newman - Wall-E (Original Motion Picture Soundtrack)', null, 'score', SS, SC, CD_UNOFF,
    'form: unofficial CD listing with a hyphen and no year; representative of a common pattern, not a specific release'),

  // DreamWorks — 301100 The Prince of Egypt, 301200 Kung Fu Panda
  r(301101, 'Various - The Prince Of Egypt (Music From The Original Motion Picture Soundtrack)', '1998', 'soundtrack', ['Pop', 'Stage & Screen'], STSC, CD,
    'form: 1998 DreamWorks Records CD (Hans Zimmer score, Stephen Schwartz songs); exact wording uncertain'),
  r(301102, 'Various - The Prince Of Egypt (Nashville)', '1998', 'inspired-by', ['Folk, World, & Country'], ['Country'], CD,
    'decoy: country album "inspired by" the film, issued alongside it (DreamWorks Nashville); not its soundtrack; wording as recalled'),
  r(301103, 'Stephen Schwartz - The Prince Of Egypt (Original Cast Recording)', '2020', 'cast-recording', SS, MUSICAL, CD,
    'decoy: West End stage musical, 2020; not the film'),
  r(301201, 'Hans Zimmer & John Powell - Kung Fu Panda (Music From The Motion Picture)', '2008', 'score', SS, SC, CD,
    'form: recalled from the 2008 Interscope CD'),
  r(301202, 'Carl Douglas - Kung Fu Fighting', '1974', 'unrelated-album', ['Funk / Soul', 'Pop'], ['Disco'], SINGLE,
    'decoy: the 1974 single (covered in the film); carries "Kung Fu"; not an album of the film'),

  // Spider-Man — 301300
  r(301301, 'Various - Spider-Man (Music From And Inspired By)', '2002', 'soundtrack', ['Rock', 'Hip Hop', 'Stage & Screen'], ['Soundtrack', 'Alternative Rock', 'Nu Metal'], CD,
    'form: recalled from the 2002 Roadrunner/Columbia CD (Chad Kroeger\'s "Hero"); the official songs album, counted as the film\'s although "inspired by"'),
  r(301302, 'Danny Elfman - Spider-Man (Original Motion Picture Score)', '2002', 'score', SS, SC, CD,
    'form: recalled from the 2002 Sony Classical CD; score against the songs album of the same film'),
  r(301303, 'Various - Spider-Man 2 (Music From And Inspired By)', '2004', 'soundtrack', ['Rock', 'Stage & Screen'], ['Soundtrack', 'Alternative Rock'], CD,
    'form: recalled from the 2004 Columbia CD'),
  r(301304, 'Danny Elfman - Spider-Man 2 (Original Motion Picture Score)', '2004', 'score', SS, SC, CD,
    'form: recalled from the 2004 Sony Classical CD'),
  r(301305, 'Danny Elfman - Spider-Man 2 (The Complete Score)', null, 'score', SS, SC, CD_UNOFF,
    'form: unofficial "complete score" CD-R without a year, the usual bootleg wording; representative, not a specific release'),
  r(301306, 'Various - Spider-Man 3 (Music From And Inspired By)', '2007', 'soundtrack', ['Rock', 'Stage & Screen'], ['Soundtrack', 'Alternative Rock'], CD,
    'form: recalled from the 2007 Record Collection CD; Christopher Young\'s score was not officially released'),

  // X-Men — 301400
  r(301401, 'Michael Kamen - X-Men (Original Motion Picture Score)', '2000', 'score', SS, SC, CD,
    'form: recalled from the 2000 Varèse Sarabande CD'),
  r(301402, 'John Ottman - X2: X-Men United (Original Motion Picture Soundtrack)', '2003', 'score', SS, SC, CD,
    'form: recalled from the 2003 Varèse Sarabande CD; TMDB title is just "X2", the US subtitle is a TMDB alternative title'),
  r(301403, 'John Powell - X-Men: The Last Stand (Original Motion Picture Soundtrack)', '2006', 'score', SS, SC, CD,
    'form: recalled from the 2006 Varèse Sarabande CD'),
  r(301404, 'Harry Gregson-Williams - X-Men Origins: Wolverine (Original Motion Picture Soundtrack)', '2009', 'other-film', SS, SC, CD,
    'decoy: 2009 spin-off, deliberately not in the catalogue; contains "X-Men"'),
  r(301405, "The Newton Brothers - X-Men '97 (Original Soundtrack)", '2024', 'tv-series', SS, SC, FILE,
    'decoy: Disney+ animated series, 2024; wording as recalled'),

  // Hulk — 301500
  r(301501, 'Danny Elfman - Hulk (Original Motion Picture Soundtrack)', '2003', 'score', SS, SC, CD,
    'form: recalled from the 2003 Decca CD'),
  r(301502, 'Craig Armstrong - The Incredible Hulk (Original Motion Picture Soundtrack)', '2008', 'score', SS, SC, CD,
    'form: recalled from the 2008 Marvel Music/Varèse CD; contains every token of "Hulk"'),
  r(301503, 'Hulk Hogan And The Wrestling Boot Band - Hulk Rules', '1995', 'unrelated-album', ['Rock', 'Pop'], ['Novelty'], CD,
    'decoy: wrestler\'s novelty album, 1995; "Hulk" token; artist credit as recalled'),

  // Iron Man — 301600, The Dark Knight — 301700
  r(301601, 'Ramin Djawadi - Iron Man (Original Motion Picture Soundtrack)', '2008', 'score', ['Rock', 'Stage & Screen'], ['Score', 'Hard Rock'], CD,
    'form: recalled from the 2008 Lions Gate CD'),
  r(301602, 'Black Sabbath - Iron Man', '1971', 'unrelated-album', ['Rock'], ['Heavy Metal'], SINGLE,
    'decoy: US 7" single with the identical title; year as recalled'),
  r(301701, 'Hans Zimmer & James Newton Howard - The Dark Knight (Original Motion Picture Soundtrack)', '2008', 'score', SS, SC, CD,
    'form: recalled from the 2008 Warner Sunset CD; Batman films from the first part compete'),

  // Mission: Impossible — 301900
  r(301901, 'Danny Elfman - Mission: Impossible (Original Motion Picture Score)', '1996', 'score', SS, SC, CD,
    'form: 1996 Point Music score CD; exact wording uncertain'),
  r(301902, 'Various - Mission: Impossible (Music From And Inspired By The Motion Picture)', '1996', 'soundtrack', ['Rock', 'Electronic', 'Stage & Screen'], ST, CD,
    'form: recalled from the 1996 Mother Records CD (Adam Clayton & Larry Mullen theme); the official songs album'),
  r(301903, 'Various - Mission: Impossible 2 - Music From And Inspired By The Motion Picture', '2000', 'soundtrack', ['Rock', 'Stage & Screen'], ['Soundtrack', 'Nu Metal'], CD,
    'form: 2000 Hollywood Records CD (Limp Bizkit); Arabic "2" where TMDB writes "II"; wording after a dash as recalled, Discogs may bracket it'),
  r(301904, 'Hans Zimmer - Mission: Impossible 2 (Music From The Original Motion Picture Score)', '2000', 'score', SS, SC, CD,
    'form: recalled from the 2000 Hollywood Records score CD'),
  r(301905, 'Michael Giacchino - Mission: Impossible III (Original Motion Picture Soundtrack)', '2006', 'score', SS, SC, CD,
    'form: recalled from the 2006 Varèse Sarabande CD; "III" contains "II"'),
  r(301906, 'Lalo Schifrin - Music From Mission: Impossible', '1967', 'tv-series', ['Jazz', 'Stage & Screen'], ['Soundtrack', 'Theme'], LP,
    'decoy: the TV series album (Dot Records, 1967); soundtrack wording before the title'),

  // Pirates of the Caribbean — 302000
  r(302001, 'Klaus Badelt - Pirates Of The Caribbean: The Curse Of The Black Pearl (Original Soundtrack)', '2003', 'score', SS, SC, CD,
    'form: recalled from the 2003 Walt Disney Records CD'),
  r(302002, 'Klaus Badelt - Pirates Of The Caribbean', '2003', 'score', SS, SC, CD,
    'form: a pressing listed with the franchise title only (no subtitle); representative, exact listing uncertain; year and composer point to the first film'),
  r(302003, "Hans Zimmer - Pirates Of The Caribbean: Dead Man's Chest (Original Soundtrack)", '2006', 'score', SS, SC, CD,
    'form: recalled from the 2006 Walt Disney Records CD'),
  r(302004, "Hans Zimmer - Pirates Of The Caribbean: At World's End (Original Soundtrack)", '2007', 'score', SS, SC, CD,
    'form: recalled from the 2007 Walt Disney Records CD; same composer and franchise as the previous film, a year later'),
  r(302005, "Various - Walt Disney's Pirates Of The Caribbean", '1968', 'unrelated-album', ["Children's", 'Stage & Screen'], ['Story'], LP,
    'decoy: Disneyland Records album of the theme-park ride, decades before the films; title and year as recalled'),

  // Twilight — 302100
  r(302101, 'Various - Twilight (Original Motion Picture Soundtrack)', '2008', 'soundtrack', ['Rock', 'Pop', 'Stage & Screen'], ['Soundtrack', 'Alternative Rock'], CD,
    'form: recalled from the 2008 Chop Shop/Atlantic CD'),
  r(302102, 'Carter Burwell - Twilight (Original Motion Picture Score)', '2008', 'score', SS, SC, CD,
    'form: recalled from the 2008 score CD; score against songs album'),
  r(302103, 'Various - The Twilight Saga: New Moon (Original Motion Picture Soundtrack)', '2009', 'soundtrack', ['Rock', 'Pop', 'Stage & Screen'], ['Soundtrack', 'Indie Rock'], CD,
    'form: recalled from the 2009 Chop Shop/Atlantic CD; "Saga:" prefix as TMDB writes it; contains "Twilight"'),
  r(302104, 'Alexandre Desplat - The Twilight Saga: New Moon (The Score)', '2009', 'score', SS, SC, CD,
    'form: recalled from the 2009 score CD; "(The Score)" wording'),
  r(302105, 'The Twilight Singers - Twilight As Played By The Twilight Singers', '2000', 'unrelated-album', ['Rock', 'Electronic'], ['Alternative Rock', 'Trip Hop'], CD,
    'decoy: Greg Dulli\'s band, 2000; "Twilight" three times'),

  // Moulin Rouge! — 302200
  r(302201, "Various - Moulin Rouge (Music From Baz Luhrmann's Film)", '2001', 'soundtrack', POP_SS, ST_MUS, CD,
    'form: recalled from the 2001 Interscope CD; Discogs title drops the "!" of the film title'),
  r(302202, "Various - Moulin Rouge! Vol. 2 (Music From Baz Luhrmann's Film)", '2002', 'soundtrack', POP_SS, ST_MUS, CD,
    'form: recalled from the 2002 Interscope CD; "Vol. 2" names the second album of the same film, not a sequel'),
  r(302203, 'Various - Moulin Rouge! The Musical (Original Broadway Cast Recording)', '2019', 'cast-recording', SS, MUSICAL, CD,
    'decoy: Broadway stage adaptation, 2019; not the film'),

  // Evita — 302300
  r(302301, 'Madonna, Antonio Banderas, Jonathan Pryce - Evita (The Complete Motion Picture Music Soundtrack)', '1996', 'soundtrack', POP_SS, ST_MUS, CD,
    'form: recalled from the 1996 Warner 2CD; artist credit uncertain (Discogs may credit "Andrew Lloyd Webber And Tim Rice")'),
  r(302302, 'Madonna - Evita (Music From The Motion Picture)', '1997', 'soundtrack', POP_SS, ST_MUS, CD,
    'form: one-CD selection from the film album; wording and year uncertain'),
  r(302303, 'Andrew Lloyd Webber And Tim Rice - Evita (Premiere American Recording)', '1979', 'cast-recording', SS, MUSICAL, LP,
    'decoy: Broadway cast album, 1979; not the film'),
  r(302304, 'Andrew Lloyd Webber & Tim Rice - Evita', '1976', 'cast-recording', ['Rock', 'Stage & Screen'], ['Rock Opera', 'Musical'], LP,
    'decoy: the 1976 studio concept album the stage show grew from (nearest kind: cast-recording); bare identical title'),

  // Dreamgirls — 302400
  r(302401, 'Various - Dreamgirls (Music From The Motion Picture)', '2006', 'soundtrack', ['Funk / Soul', 'Stage & Screen'], ['Soundtrack', 'Musical', 'Soul'], CD,
    'form: recalled from the 2006 Music World/Columbia CD'),
  r(302402, 'Various - Dreamgirls (Music From The Motion Picture) (Deluxe Edition)', '2006', 'soundtrack', ['Funk / Soul', 'Stage & Screen'], ['Soundtrack', 'Musical', 'Soul'], CD_DLX,
    'form: 2CD deluxe edition issued with the single CD; stacked wording; exact listing uncertain', 2006),
  r(302403, 'Various - Dreamgirls (Original Broadway Cast Album)', '1982', 'cast-recording', SS, MUSICAL, LP,
    'decoy: Broadway cast album (Geffen, 1982); not the film'),

  // Mamma Mia! — 302500
  r(302501, 'Various - Mamma Mia! (The Movie Soundtrack)', '2008', 'soundtrack', POP_SS, ['Soundtrack', 'Musical', 'Europop'], CD,
    'form: 2008 Decca/Polydor CD, cover reads "The Movie Soundtrack Featuring The Songs Of ABBA"; Discogs wording uncertain'),
  r(302502, 'Various - Mamma Mia! (Original Cast Recording)', '1999', 'cast-recording', SS, MUSICAL, CD,
    'decoy: London stage cast album, 1999; not the film'),
  r(302503, 'ABBA - Mamma Mia', '1975', 'unrelated-album', ['Pop'], ['Europop'], SINGLE,
    'decoy: the 1975 single; the film title without "!"'),

  // Sweeney Todd — 302600
  r(302601, 'Stephen Sondheim - Sweeney Todd: The Demon Barber Of Fleet Street (The Motion Picture Soundtrack)', '2007', 'soundtrack', SS, ST_MUS, CD,
    'form: recalled from the 2007 Nonesuch CD; artist credit uncertain (Discogs may credit the cast)'),
  r(302602, 'Stephen Sondheim - Sweeney Todd - The Demon Barber Of Fleet Street (Original Broadway Cast Recording)', '1979', 'cast-recording', SS, MUSICAL, LP,
    'decoy: Broadway cast album (RCA, 1979); subtitle after a dash; not the film'),

  // The Phantom of the Opera — 302700
  r(302701, 'Andrew Lloyd Webber - The Phantom Of The Opera (Original Motion Picture Soundtrack)', '2004', 'soundtrack', SS, ST_MUS, CD,
    'form: recalled from the 2004 Sony Classical/Really Useful CD'),
  r(302702, 'Andrew Lloyd Webber - The Phantom Of The Opera (Original London Cast Recording)', '1987', 'cast-recording', SS, MUSICAL, LP,
    'decoy: London stage cast album (Polydor, 1987), 17 years before the film; identical title'),

  // Rent — 302800
  r(302801, 'Various - Rent (Original Motion Picture Soundtrack)', '2005', 'soundtrack', ROCK_SS, ST_MUS, CD,
    'form: recalled from the 2005 Warner Bros. 2CD'),
  r(302802, 'Various - Rent (Selections From The Original Motion Picture Soundtrack)', '2005', 'soundtrack', ROCK_SS, ST_MUS, CD,
    'form: one-CD selection issued with the 2CD; wording as recalled'),
  r(302803, 'Jonathan Larson - Rent (Original Broadway Cast Recording)', '1996', 'cast-recording', SS, MUSICAL, CD,
    'decoy: Broadway cast album (DreamWorks, 1996); not the film'),
  r(302804, 'Pet Shop Boys - Rent', '1987', 'unrelated-album', ['Electronic', 'Pop'], ['Synth-pop'], SINGLE,
    'decoy: 1987 single with the identical one-word title'),

  // Beauty and the Beast (1991) — 302900
  r(302901, 'Various - Beauty And The Beast (Original Motion Picture Soundtrack)', '1991', 'soundtrack', POP_SS, ST_MUS, CD,
    'form: 1991 Walt Disney Records CD (Alan Menken, Howard Ashman); artist credit on Discogs uncertain'),
  r(302902, 'Alan Menken, Howard Ashman, Tim Rice - Beauty And The Beast: The Broadway Musical (Original Broadway Cast Recording)', '1994', 'cast-recording', SS, MUSICAL, CD,
    'decoy: Broadway stage version, 1994; not the film'),
  r(302903, 'Various - Beauty And The Beast: Of Love And Hope', '1989', 'tv-series', ['Stage & Screen', 'Non-Music'], ['Soundtrack', 'Poetry'], CD,
    'decoy: album from the 1987–90 CBS TV series (Ron Perlman readings, Lee Holdridge music); wording as recalled'),

  // Juno — 303000
  r(303001, 'Various - Juno (Music From The Motion Picture)', '2007', 'soundtrack', ['Rock', 'Folk, World, & Country', 'Stage & Screen'], ['Soundtrack', 'Indie Rock', 'Anti-Folk'], CD,
    'form: recalled from the 2007 Rhino CD'),
  r(303002, 'Various - Juno B-Sides: Almost Twice As Good', '2008', 'soundtrack', ['Rock', 'Folk, World, & Country', 'Stage & Screen'], ['Soundtrack', 'Indie Rock'], CD,
    'form: recalled from the 2008 Rhino companion CD; no soundtrack wording'),
  r(303003, 'Juno Reactor - Transmissions', '1993', 'unrelated-album', ['Electronic'], ['Goa Trance', 'Techno'], CD,
    'decoy: artist name starts with "Juno"'),

  // Lost in Translation, Lost Highway — 303100
  r(303101, 'Various - Lost In Translation (Original Motion Picture Soundtrack)', '2003', 'soundtrack', ['Rock', 'Electronic', 'Stage & Screen'], ['Soundtrack', 'Shoegaze', 'Indie Rock'], CD,
    'form: recalled from the 2003 Emperor Norton CD'),
  r(303102, 'Various - Lost Highway (Original Motion Picture Soundtrack)', '1997', 'soundtrack', ['Rock', 'Electronic', 'Stage & Screen'], ['Soundtrack', 'Industrial'], CD,
    'form: recalled from the 1997 Nothing/Interscope CD (produced by Trent Reznor); shares "Lost" with Lost In Translation'),
  r(303103, 'Bon Jovi - Lost Highway', '2007', 'unrelated-album', ['Rock'], ['Pop Rock', 'Country Rock'], CD,
    'decoy: band album with the identical title, ten years after the film'),
  r(303104, 'Michael Giacchino - Lost: Season 1 (Original Television Soundtrack)', '2006', 'tv-series', SS, SC, CD,
    'decoy: ABC series score (Varèse Sarabande, 2006); "Lost" token'),

  // The Life Aquatic — 303200
  r(303201, 'Various - The Life Aquatic With Steve Zissou (Original Soundtrack)', '2004', 'soundtrack', ['Rock', 'Stage & Screen'], ['Soundtrack', 'Score'], CD,
    'form: recalled from the 2004 Hollywood Records CD'),
  r(303202, 'Seu Jorge - The Life Aquatic Studio Sessions', '2005', 'soundtrack', ['Latin', 'Folk, World, & Country'], ['MPB', 'Bossa Nova'], CD,
    'form: recalled from the 2005 Hollywood Records CD; judgement call: Seu Jorge\'s Portuguese Bowie covers as performed in the film, counted as a companion album'),

  // Magnolia — 303300
  r(303301, 'Aimee Mann - Magnolia (Music From The Motion Picture)', '1999', 'soundtrack', ROCK_SS, ['Soundtrack', 'Pop Rock'], CD,
    'form: recalled from the 1999 Reprise CD'),
  r(303302, 'Jon Brion - Magnolia (Original Motion Picture Score)', '2000', 'score', SS, SC, CD,
    'form: recalled from the 2000 Reprise score CD; score against the songs album'),
  r(303303, 'Songs: Ohia - The Magnolia Electric Co.', '2003', 'unrelated-album', ['Rock', 'Folk, World, & Country'], ['Alt-Country'], CD,
    'decoy: band album (Secretly Canadian, 2003) containing "Magnolia"'),

  // Boogie Nights — 303400
  r(303401, 'Various - Boogie Nights (Music From The Original Motion Picture)', '1997', 'soundtrack', ['Funk / Soul', 'Rock', 'Stage & Screen'], ['Soundtrack', 'Disco'], CD,
    'form: recalled from the 1997 Capitol CD'),
  r(303402, 'Various - Boogie Nights 2 (More Music From The Original Motion Picture)', '1998', 'soundtrack', ['Funk / Soul', 'Rock', 'Stage & Screen'], ['Soundtrack', 'Disco'], CD,
    'form: recalled from the 1998 Capitol companion CD; "2" is not a sequel'),
  r(303403, 'Heatwave - Boogie Nights', '1977', 'unrelated-album', ['Funk / Soul'], ['Disco'], SINGLE,
    'decoy: 1977 single with the identical title'),

  // O Brother, Where Art Thou? — 303500
  r(303501, 'Various - O Brother, Where Art Thou? (Music From A Film By Joel & Ethan Coen)', '2000', 'soundtrack', ['Folk, World, & Country', 'Stage & Screen'], ['Soundtrack', 'Bluegrass', 'Country'], CD,
    'form: recalled from the 2000 Mercury/Lost Highway CD', 2000),
  r(303502, 'Various - O Brother, Where Art Thou? (Music From A Film By Joel & Ethan Coen) (10th Anniversary Edition)', '2011', 'reissue', ['Folk, World, & Country', 'Stage & Screen'], ['Soundtrack', 'Bluegrass'], CD_RE_DLX,
    'form: 2011 expanded 2CD, stacked wording; exact edition name uncertain', 2000),
  r(303503, 'Various - Down From The Mountain', '2001', 'other-film', ['Folk, World, & Country'], ['Bluegrass'], CD,
    'decoy: live album of the 2000 concert documentary with the O Brother musicians; the documentary is deliberately not in the catalogue'),

  // Singles — 303600
  r(303601, 'Various - Singles (Original Motion Picture Soundtrack)', '1992', 'soundtrack', ROCK_SS, ['Soundtrack', 'Grunge', 'Alternative Rock'], CD,
    'form: recalled from the 1992 Epic Soundtrax CD; the film\'s release_date is blank here', 1992),
  r(303602, 'Various - Singles (Original Motion Picture Soundtrack) (Deluxe Edition)', '2017', 'reissue', ROCK_SS, ['Soundtrack', 'Grunge'], CD_RE_DLX,
    'form: 25th-anniversary 2CD (Legacy), stacked wording; year as recalled', 1992),
  r(303603, 'The Smiths - Singles', '1995', 'unrelated-album', ['Rock'], ['Indie Rock'], CD_COMP,
    'decoy: band compilation with the identical one-word title'),
  r(303604, 'New Order - Singles', '2005', 'unrelated-album', ['Electronic', 'Rock'], ['Synth-pop', 'New Wave'], CD_COMP,
    'decoy: band compilation with the identical one-word title'),

  // The Crow — 303700
  r(303701, 'Various - The Crow (Original Motion Picture Soundtrack)', '1994', 'soundtrack', ROCK_SS, ['Soundtrack', 'Alternative Rock', 'Industrial'], CD,
    'form: recalled from the 1994 Atlantic CD; the film\'s release_date is blank here'),
  r(303702, 'Graeme Revell - The Crow (Original Motion Picture Score)', '1994', 'score', SS, SC, CD,
    'form: recalled from the 1994 Varèse Sarabande CD'),
  r(303703, 'Various - The Crow: City Of Angels (Original Motion Picture Soundtrack)', '1996', 'other-film', ROCK_SS, ['Soundtrack', 'Alternative Rock'], CD,
    'decoy: 1996 sequel, deliberately not in the catalogue; contains every token of "The Crow"'),

  // Stage musical decoy — 303800 (Romeo + Juliet (1996) itself is left out: another part lists its album as a decoy)
  r(303803, "Gérard Presgurvic - Roméo & Juliette (De La Haine À L'Amour)", '2000', 'cast-recording', SS, MUSICAL, CD,
    'decoy: French stage musical cast album, 2000; not a film; competes with Romeo and Juliet films and, through "La Haine", with La Haine'),

  // 8 Mile — 303900
  r(303901, 'Various - Music From And Inspired By The Motion Picture 8 Mile', '2002', 'soundtrack', ['Hip Hop', 'Stage & Screen'], ['Soundtrack', 'Hardcore Hip-Hop'], CD,
    'form: recalled from the 2002 Shady/Interscope CD; soundtrack wording BEFORE the title; official album'),
  r(303902, 'Various - More Music From 8 Mile', '2003', 'soundtrack', ['Hip Hop', 'Funk / Soul', 'Stage & Screen'], ['Soundtrack'], CD,
    'form: recalled from the 2003 companion CD (songs heard in the film)'),

  // Hamlet (1990) and Hamlet (1996) — 304000
  r(304001, 'Ennio Morricone - Hamlet (Original Motion Picture Soundtrack)', '1990', 'score', SS, SC, CD,
    'form: recalled from the 1990 Virgin CD for Zeffirelli\'s film, whose release_date is blank here; year as recalled'),
  r(304002, "Patrick Doyle - William Shakespeare's Hamlet (Original Motion Picture Soundtrack)", '1996', 'score', SS, SC, CD,
    'form: 1996 Sony Classical CD; possessive prefix as on the poster (TMDB alternative title); wording uncertain'),
  r(304003, 'Various - Hamlet 2 (Original Motion Picture Soundtrack)', '2008', 'other-film', ROCK_SS, ST, CD,
    'decoy: the 2008 comedy, deliberately not in the catalogue; contains "Hamlet"; that an album was issued in this form is uncertain'),

  // Once — 304100
  r(304101, 'Glen Hansard & Markéta Irglová - Once (Music From The Motion Picture)', '2007', 'soundtrack', ['Rock', 'Folk, World, & Country', 'Stage & Screen'], ['Soundtrack', 'Folk Rock'], CD,
    'form: recalled from the 2007 Canvasback/Columbia CD'),
  r(304102, 'Nightwish - Once', '2004', 'unrelated-album', ['Rock'], ['Symphonic Metal'], CD,
    'decoy: band album with the identical one-word title'),
  r(304103, 'Various - Once: A New Musical (Original Broadway Cast Recording)', '2012', 'cast-recording', SS, MUSICAL, CD,
    'decoy: Broadway stage adaptation, 2012; not the film'),

  // Into the Wild — 304200
  r(304201, 'Eddie Vedder - Into The Wild (Music For The Motion Picture)', '2007', 'soundtrack', ['Rock', 'Folk, World, & Country', 'Stage & Screen'], ['Soundtrack', 'Folk Rock'], CD,
    'form: recalled from the 2007 J Records CD', 2007),
  r(304202, 'Eddie Vedder - Music For The Motion Picture Into The Wild', '2007', 'soundtrack', ['Rock', 'Folk, World, & Country', 'Stage & Screen'], ['Soundtrack', 'Folk Rock'], LP,
    'form: a pressing listed with the wording BEFORE the title, as the cover reads; that Discogs lists a pressing so is uncertain', 2007),
  r(304203, 'Stephen Sondheim - Into The Woods (Original Broadway Cast Recording)', '1988', 'cast-recording', SS, MUSICAL, LP,
    'decoy: Broadway cast album, 1988; shares "Into The"'),

  // American Beauty — 304300
  r(304301, 'Various - American Beauty (Original Motion Picture Soundtrack)', '1999', 'soundtrack', ROCK_POP_SS, ST, CD,
    'form: 1999 DreamWorks songs CD (two Thomas Newman cues); wording uncertain'),
  r(304302, 'Thomas Newman - American Beauty (Original Motion Picture Score)', '2000', 'score', SS, SC, CD,
    'form: recalled from the score CD issued after the songs album'),
  r(304303, 'Grateful Dead - American Beauty', '1970', 'unrelated-album', ['Rock'], ['Folk Rock', 'Country Rock'], LP,
    'decoy: band album with the identical title'),

  // Pride & Prejudice — 304400
  r(304401, 'Dario Marianelli - Pride & Prejudice (Music From The Motion Picture)', '2005', 'score', ['Classical', 'Stage & Screen'], SC, CD,
    'form: recalled from the 2005 Decca CD (Jean-Yves Thibaudet, piano); "&" as in the TMDB title'),
  r(304402, 'Carl Davis - Pride And Prejudice (Music From The BBC TV Series)', '1995', 'tv-series', SS, SC, CD,
    'decoy: the 1995 BBC series; "And" where the film has "&"; wording uncertain'),

  // Dick Tracy — 304500
  r(304501, 'Danny Elfman - Dick Tracy (Original Score)', '1990', 'score', SS, SC, CD,
    'form: recalled from the 1990 Sire score CD'),
  r(304502, "Madonna - I'm Breathless (Music From And Inspired By The Film Dick Tracy)", '1990', 'soundtrack', ['Pop', 'Stage & Screen'], ['Soundtrack', 'Swing', 'Dance-pop'], CD,
    'form: 1990 Sire CD; judgement call: Madonna\'s album of the film\'s Sondheim songs plus songs "inspired by" it, counted as the film\'s; Discogs may list only "I\'m Breathless"'),
  r(304503, 'Various - Dick Tracy (Original Music From The Motion Picture)', '1990', 'soundtrack', ['Pop', 'Hip Hop', 'Stage & Screen'], ST, CD,
    'form: 1990 Sire songs CD; wording as recalled'),
];

// ---------------------------------------------------------------------------------------------------------------
// Truth
// ---------------------------------------------------------------------------------------------------------------

const TRUTH: readonly RealWorldPair[] = [
  // Harry Potter
  { tmdb_id: 671, discogs_id: 300101, kind: 'original' },
  { tmdb_id: 671, discogs_id: 300102, kind: 'regional-title' },
  { tmdb_id: 671, discogs_id: 300103, kind: 'reissue-regional-title' },
  { tmdb_id: 671, discogs_id: 300104, kind: 'bilingual' },
  { tmdb_id: 672, discogs_id: 300105, kind: 'sequel-correct-part' },
  { tmdb_id: 673, discogs_id: 300106, kind: 'sequel-correct-part' },
  { tmdb_id: 674, discogs_id: 300107, kind: 'sequel-correct-part' },
  { tmdb_id: 675, discogs_id: 300108, kind: 'sequel-correct-part' },
  { tmdb_id: 767, discogs_id: 300109, kind: 'sequel-correct-part' },
  // The Lord of the Rings
  { tmdb_id: 120, discogs_id: 300201, kind: 'franchise-prefix' },
  { tmdb_id: 121, discogs_id: 300202, kind: 'franchise-prefix' },
  { tmdb_id: 122, discogs_id: 300203, kind: 'franchise-prefix' },
  { tmdb_id: 120, discogs_id: 300204, kind: 'complete-recordings' },
  { tmdb_id: 122, discogs_id: 300205, kind: 'complete-recordings' },
  { tmdb_id: 121, discogs_id: 300206, kind: 'reissue' },
  { tmdb_id: 120, discogs_id: 300207, kind: 'bilingual' },
  // Tarantino
  { tmdb_id: 500, discogs_id: 300301, kind: 'original' },
  { tmdb_id: 500, discogs_id: 300302, kind: 'unknown-year' },
  { tmdb_id: 500, discogs_id: 300303, kind: 'double-feature' },
  { tmdb_id: 680, discogs_id: 300303, kind: 'double-feature' },
  { tmdb_id: 184, discogs_id: 300401, kind: 'original' },
  { tmdb_id: 16869, discogs_id: 300501, kind: 'original' },
  { tmdb_id: 319, discogs_id: 300601, kind: 'original' },
  // Pixar
  { tmdb_id: 9487, discogs_id: 300701, kind: 'original' },
  { tmdb_id: 12, discogs_id: 300801, kind: 'original' },
  { tmdb_id: 9806, discogs_id: 300901, kind: 'original' },
  { tmdb_id: 10681, discogs_id: 301001, kind: 'punctuation-variant' },
  { tmdb_id: 10681, discogs_id: 301002, kind: 'unknown-year' },
  // DreamWorks
  { tmdb_id: 9837, discogs_id: 301101, kind: 'original' },
  { tmdb_id: 9502, discogs_id: 301201, kind: 'original' },
  // Spider-Man
  { tmdb_id: 557, discogs_id: 301301, kind: 'from-and-inspired-by' },
  { tmdb_id: 557, discogs_id: 301302, kind: 'score-and-songs' },
  { tmdb_id: 558, discogs_id: 301303, kind: 'sequel-correct-part' },
  { tmdb_id: 558, discogs_id: 301304, kind: 'score-and-songs' },
  { tmdb_id: 558, discogs_id: 301305, kind: 'unknown-year' },
  { tmdb_id: 559, discogs_id: 301306, kind: 'sequel-correct-part' },
  // X-Men
  { tmdb_id: 36657, discogs_id: 301401, kind: 'original' },
  { tmdb_id: 36658, discogs_id: 301402, kind: 'alternative-title' },
  { tmdb_id: 36668, discogs_id: 301403, kind: 'sequel-correct-part' },
  // Hulk, Iron Man, The Dark Knight
  { tmdb_id: 1927, discogs_id: 301501, kind: 'short-title' },
  { tmdb_id: 1724, discogs_id: 301502, kind: 'reboot-own-score' },
  { tmdb_id: 1726, discogs_id: 301601, kind: 'original' },
  { tmdb_id: 155, discogs_id: 301701, kind: 'original' },
  // Mission: Impossible
  { tmdb_id: 954, discogs_id: 301901, kind: 'score-and-songs' },
  { tmdb_id: 954, discogs_id: 301902, kind: 'from-and-inspired-by' },
  { tmdb_id: 955, discogs_id: 301903, kind: 'sequel-numeral' },
  { tmdb_id: 955, discogs_id: 301904, kind: 'sequel-numeral' },
  { tmdb_id: 956, discogs_id: 301905, kind: 'sequel-correct-part' },
  // Pirates of the Caribbean
  { tmdb_id: 22, discogs_id: 302001, kind: 'franchise-prefix' },
  { tmdb_id: 22, discogs_id: 302002, kind: 'franchise-title-only' },
  { tmdb_id: 58, discogs_id: 302003, kind: 'franchise-prefix' },
  { tmdb_id: 285, discogs_id: 302004, kind: 'franchise-prefix' },
  // Twilight
  { tmdb_id: 8966, discogs_id: 302101, kind: 'original' },
  { tmdb_id: 8966, discogs_id: 302102, kind: 'score-and-songs' },
  { tmdb_id: 18239, discogs_id: 302103, kind: 'saga-subtitle' },
  { tmdb_id: 18239, discogs_id: 302104, kind: 'score-and-songs' },
  // Musicals
  { tmdb_id: 824, discogs_id: 302201, kind: 'punctuation-variant' },
  { tmdb_id: 824, discogs_id: 302202, kind: 'companion-album' },
  { tmdb_id: 8816, discogs_id: 302301, kind: 'original' },
  { tmdb_id: 8816, discogs_id: 302302, kind: 'highlights' },
  { tmdb_id: 1125, discogs_id: 302401, kind: 'original' },
  { tmdb_id: 1125, discogs_id: 302402, kind: 'deluxe-edition' },
  { tmdb_id: 11631, discogs_id: 302501, kind: 'original' },
  { tmdb_id: 13885, discogs_id: 302601, kind: 'original' },
  { tmdb_id: 9833, discogs_id: 302701, kind: 'original' },
  { tmdb_id: 1833, discogs_id: 302801, kind: 'original' },
  { tmdb_id: 1833, discogs_id: 302802, kind: 'highlights' },
  { tmdb_id: 10020, discogs_id: 302901, kind: 'original' },
  // Indies and songs-driven films
  { tmdb_id: 7326, discogs_id: 303001, kind: 'original' },
  { tmdb_id: 7326, discogs_id: 303002, kind: 'companion-album' },
  { tmdb_id: 153, discogs_id: 303101, kind: 'original' },
  { tmdb_id: 638, discogs_id: 303102, kind: 'original' },
  { tmdb_id: 421, discogs_id: 303201, kind: 'original' },
  { tmdb_id: 421, discogs_id: 303202, kind: 'companion-album' },
  { tmdb_id: 334, discogs_id: 303301, kind: 'original' },
  { tmdb_id: 334, discogs_id: 303302, kind: 'score-and-songs' },
  { tmdb_id: 4995, discogs_id: 303401, kind: 'original' },
  { tmdb_id: 4995, discogs_id: 303402, kind: 'companion-album' },
  { tmdb_id: 134, discogs_id: 303501, kind: 'original' },
  { tmdb_id: 134, discogs_id: 303502, kind: 'anniversary-reissue' },
  { tmdb_id: 2055, discogs_id: 303601, kind: 'film-date-missing' },
  { tmdb_id: 2055, discogs_id: 303602, kind: 'anniversary-reissue' },
  { tmdb_id: 9495, discogs_id: 303701, kind: 'film-date-missing' },
  { tmdb_id: 9495, discogs_id: 303702, kind: 'score-and-songs' },
  { tmdb_id: 65, discogs_id: 303901, kind: 'wording-before-title' },
  { tmdb_id: 65, discogs_id: 303902, kind: 'companion-album' },
  { tmdb_id: 10264, discogs_id: 304001, kind: 'film-date-missing' },
  { tmdb_id: 10549, discogs_id: 304002, kind: 'alternative-title' },
  { tmdb_id: 5723, discogs_id: 304101, kind: 'short-title' },
  { tmdb_id: 5915, discogs_id: 304201, kind: 'original' },
  { tmdb_id: 5915, discogs_id: 304202, kind: 'wording-before-title' },
  { tmdb_id: 14, discogs_id: 304301, kind: 'original' },
  { tmdb_id: 14, discogs_id: 304302, kind: 'score-and-songs' },
  { tmdb_id: 4348, discogs_id: 304401, kind: 'original' },
  { tmdb_id: 8592, discogs_id: 304501, kind: 'score-and-songs' },
  { tmdb_id: 8592, discogs_id: 304502, kind: 'from-and-inspired-by' },
  { tmdb_id: 8592, discogs_id: 304503, kind: 'original' },
];

export const CASES: RealWorldCases = { films: FILMS, releases: RELEASES, truth: TRUTH };
