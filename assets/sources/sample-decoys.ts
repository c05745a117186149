/**
 * Releases the sample's Discogs searches also return that are NOT soundtracks of a sample film: TV and
 * video game scores, unrelated albums that a free-text query hits, and soundtracks of other films.
 */

/** [artist, title as Discogs writes it, year, genres, styles, hidden search words (Discogs' q also reads notes)]. */
export type SampleDecoySpec = readonly [string, string, string, readonly string[], readonly string[], (readonly string[])?];

export const SAMPLE_TV_SOUNDTRACKS: readonly SampleDecoySpec[] = [
  ['Kyle Dixon & Michael Stein', 'Stranger Things (A Netflix Original Series Soundtrack)', '2016', ['Electronic', 'Stage & Screen'], ['Soundtrack', 'Synth-pop']],
  ['Ramin Djawadi', 'Game Of Thrones (Music From The HBO Series)', '2011', ['Stage & Screen'], ['Soundtrack', 'Score']],
  ['Jeff Russo', 'Fargo (Original MGM Television Series Soundtrack)', '2014', ['Stage & Screen'], ['Soundtrack', 'Score']],
  ['Ramin Djawadi', 'Westworld: Season 1 (Music From The HBO Series)', '2016', ['Stage & Screen'], ['Soundtrack']],
  ['Angelo Badalamenti', 'Soundtrack From Twin Peaks', '1990', ['Stage & Screen', 'Jazz'], ['Soundtrack']],
  ['Ludwig Göransson', 'The Mandalorian: Chapter 1 (Original Score)', '2019', ['Stage & Screen'], ['Score']],
  ['Brian Reitzell', 'Hannibal Season 1 - Volume 1 (Original Television Soundtrack)', '2014', ['Stage & Screen'], ['Soundtrack']],
  ['Nicholas Britell', 'Succession (HBO Original Series Soundtrack)', '2018', ['Stage & Screen'], ['Soundtrack', 'Score']],
];

export const SAMPLE_GAME_SOUNDTRACKS: readonly SampleDecoySpec[] = [
  ["Martin O'Donnell & Michael Salvatori", 'Halo (Original Soundtrack)', '2001', ['Stage & Screen'], ['Soundtrack', 'Score']],
  ['Gustavo Santaolalla', 'The Last Of Us (Video Game Soundtrack)', '2013', ['Stage & Screen'], ['Soundtrack']],
  ['Austin Wintory', 'Journey', '2012', ['Stage & Screen', 'Classical'], ['Score', 'Video Game Music']],
  ['John Paesano', "Marvel's Spider-Man (Original Video Game Soundtrack)", '2018', ['Stage & Screen'], ['Soundtrack']],
  ['Jason Graves', 'Tomb Raider (Original Soundtrack)', '2013', ['Stage & Screen'], ['Soundtrack', 'Score']],
  ['Mick Gordon', 'Doom (Original Game Soundtrack)', '2016', ['Electronic', 'Stage & Screen'], ['Soundtrack', 'Industrial']],
  ['Frank Klepacki', 'Blade Runner (Original Game Soundtrack)', '1997', ['Electronic', 'Stage & Screen'], ['Soundtrack']],
  ['Jesper Kyd', "Assassin's Creed II (Original Game Soundtrack)", '2009', ['Stage & Screen'], ['Score']],
];

// "Drive" is the trap: an unrelated album with a film's exact title in the film's year.
export const SAMPLE_UNRELATED_ALBUMS: readonly SampleDecoySpec[] = [
  ['Fugees', 'The Score', '1996', ['Hip Hop'], ['Conscious']],
  ['Dream Theater', 'Score', '2006', ['Rock'], ['Prog Rock']],
  ['In Flames', 'Soundtrack To Your Escape', '2004', ['Rock'], ['Melodic Death Metal']],
  ['R.E.M.', 'Up', '1998', ['Rock'], ['Alternative Rock'], ['soundtrack']],
  ['Neon Coast', 'Drive', '2011', ['Electronic'], ['Synthwave'], ['film', 'soundtrack']],
  ['The Motion Picture Orchestra', 'Ballads For Late Evenings', '1983', ['Jazz'], ['Easy Listening']],
];

export const SAMPLE_DECOY_ARTISTS: readonly string[] = [
  'Glass Harbour', 'The Lanterns', 'Northern Static', 'Velvet Atlas', 'Marlowe Quartet', 'Paper Satellites',
  'June Avenue', 'Low Meridian', 'The Quiet Engines', 'Salt & Ember', 'Harbor Lights Ensemble', 'Kite Theory',
];

