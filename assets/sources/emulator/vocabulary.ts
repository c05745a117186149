/**
 * Word lists the catalogue draws synthetic films and releases from once the real titles run out: title
 * words, foreign titles, composer and artist names, Discogs genres and styles. Data only.
 */

export const ADJECTIVES: readonly string[] = [
  'Silent', 'Crimson', 'Broken', 'Golden', 'Midnight', 'Hidden', 'Distant', 'Burning', 'Wild', 'Hollow',
  'Electric', 'Savage', 'Velvet', 'Winter', 'Restless', 'Endless', 'Quiet', 'Dark', 'Last', 'Lost',
  'Secret', 'Frozen', 'Bright', 'Fallen', 'Iron', 'Scarlet', 'Silver', 'Black', 'White', 'Red',
  'Blue', 'Little', 'Great', 'Long', 'Cold', 'Bitter', 'Sweet', 'Strange', 'Lonely', 'Perfect',
  'Dangerous', 'Beautiful', 'Forgotten', 'Eternal', 'Northern', 'Southern', 'Final', 'First', 'Brave', 'Wicked',
  'Deep', 'High', 'Open', 'Empty', 'Sacred', 'Haunted', 'Rising', 'Falling', 'Twisted', 'Gentle',
];

export const NOUNS: readonly string[] = [
  'Harbor', 'Empire', 'Garden', 'Horizon', 'River', 'Kingdom', 'Shadow', 'Promise', 'Signal', 'Orchard',
  'Frontier', 'Lantern', 'Canyon', 'Tide', 'Mirror', 'Witness', 'Carousel', 'Meridian', 'Night', 'Road',
  'City', 'House', 'Heart', 'Storm', 'Fire', 'Sky', 'Sea', 'Moon', 'Sun', 'Star',
  'Island', 'Mountain', 'Forest', 'Desert', 'Ocean', 'Valley', 'Bridge', 'Tower', 'Castle', 'Station',
  'Machine', 'Engine', 'Ghost', 'Angel', 'Hunter', 'Soldier', 'Stranger', 'Thief', 'Knight', 'Queen',
  'King', 'Prince', 'Daughter', 'Son', 'Brother', 'Sister', 'Father', 'Mother', 'Wolf', 'Tiger',
  'Dragon', 'Raven', 'Falcon', 'Serpent', 'Lion', 'Horse', 'Circle', 'Line', 'Edge', 'Code',
  'Protocol', 'Mission', 'Game', 'Dream', 'Memory', 'Secret', 'Silence', 'Echo', 'Whisper', 'Wave',
  'Summer', 'Winter', 'Spring', 'Autumn', 'Morning', 'Evening', 'Journey', 'Voyage', 'Escape', 'Return',
  'Rebellion', 'Legacy', 'Covenant', 'Paradise', 'Inferno', 'Labyrinth', 'Odyssey', 'Exodus', 'Genesis', 'Reckoning',
];

/** Characters and places for "Name's Noun", "Noun of Place". */
export const NAMES: readonly string[] = [
  'Annie', 'Billy', 'Charlie', 'Daisy', 'Eddie', 'Frankie', 'Grace', 'Harry', 'Iris', 'Jack',
  'Kate', 'Leo', 'Maggie', 'Nora', 'Oscar', 'Penny', 'Quinn', 'Rosa', 'Sam', 'Tom',
  'Ursula', 'Vera', 'Walter', 'Xavier', 'Yuri', 'Zoe', 'Max', 'Lucy', 'Hugo', 'Mia',
];

export const PLACES: readonly string[] = [
  'Avalon', 'Babylon', 'Brooklyn', 'Casablanca', 'Chicago', 'Eden', 'Harlem', 'Havana', 'Istanbul', 'Jericho',
  'Kyoto', 'London', 'Marseille', 'Memphis', 'Montana', 'Nevada', 'Oxford', 'Palermo', 'Paris', 'Rome',
  'Saigon', 'Shanghai', 'Sicily', 'Texas', 'Tokyo', 'Tangier', 'Venice', 'Vienna', 'Warsaw', 'Yukon',
];

export const SUBTITLES: readonly string[] = [
  'Rising', 'The Reckoning', 'Redemption', 'A New Dawn', 'Origins', 'The Last Stand', 'Resurrection', 'Endgame',
  'The Awakening', 'Day of Reckoning', 'First Blood', 'The Final Chapter', 'Revelations', 'Uprising', 'Legacy',
  'The Beginning', 'Judgment', 'Dead Reckoning', 'The Lost Kingdom', 'Retribution',
];

/** Sequel forms: `n` is the sequel's number (2, 3, …). */
export const SEQUEL_FORMS: ReadonlyArray<(title: string, n: number) => string> = [
  (t, n) => `${t} ${n}`,
  (t, n) => `${t} ${['', '', 'II', 'III', 'IV', 'V', 'VI'][n] ?? n}`,
  (t, n) => `${t}: Part ${n}`,
  (t, n) => `${t} Part ${['', '', 'II', 'III', 'IV', 'V', 'VI'][n] ?? n}`,
  (t) => `${t} Returns`,
  (t) => `Return to ${t.replace(/^The /, 'the ')}`,
];

/** Original titles for non-English synthetic films: [prefixes, suffixes] joined. */
export const FOREIGN_TITLE_PARTS: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  fr: [['La Nuit', 'Le Silence', 'Les Ombres', 'Le Jardin', "L'Empire", 'La Vie', 'Le Temps'], [' du Nord', ' de Paris', ' des Rêves', ' perdu', ' à l’aube', ' des Anges']],
  it: [['La Notte', 'Il Giardino', 'Il Silenzio', 'La Strada', 'La Dolce Ora', 'Il Segreto'], [' di Roma', ' del Mare', ' degli Angeli', ' perduto', ' d’estate']],
  es: [['La Noche', 'El Jardín', 'El Silencio', 'La Casa', 'El Camino', 'La Memoria'], [' de los Sueños', ' del Mar', ' de Papel', ' perdido', ' sin fin']],
  de: [['Die Nacht', 'Der Garten', 'Das Schweigen', 'Der Himmel', 'Die Reise'], [' von Berlin', ' der Wölfe', ' über Wien', ' im Norden']],
  ja: [['夜', '影', '風', '海', '空', '星', '火', '月', '花', '雪'], ['の王国', 'の記憶', 'の物語', 'の約束', 'の彼方', 'の歌']],
  ko: [['밤의', '바람의', '그림자의', '달빛', '겨울의'], [' 왕국', ' 기억', ' 약속', ' 노래']],
  zh: [['龍', '虎', '夜', '月', '風', '雲', '劍'], ['之城', '傳說', '之門', '江湖', '行']],
};

/** Weighted original languages of synthetic films: mostly English, as on TMDB's popular list. */
export const LANGUAGES: readonly string[] = [
  ...Array<string>(40).fill('en'), 'fr', 'fr', 'it', 'es', 'es', 'de', 'ja', 'ja', 'ko', 'zh',
];

const FIRST_NAMES: readonly string[] = [
  'Adam', 'Anna', 'Ben', 'Clara', 'Daniel', 'Elena', 'Felix', 'Greta', 'Henry', 'Ingrid', 'Jonas', 'Karin',
  'Lukas', 'Marta', 'Nils', 'Olivia', 'Paul', 'Rachel', 'Stefan', 'Tessa', 'Viktor', 'Wendy',
];
const LAST_NAMES: readonly string[] = [
  'Adler', 'Bauer', 'Carver', 'Dorsey', 'Ellison', 'Fischer', 'Garrett', 'Hale', 'Iverson', 'Jansen', 'Keller',
  'Lindqvist', 'Morrow', 'Novak', 'Okafor', 'Pryce', 'Quint', 'Reyes', 'Sato', 'Thorne', 'Vance', 'Winter',
];

/** 484 made-up composers, so that at scale no one name scores a third of the catalogue. */
export const SYNTHETIC_COMPOSERS: readonly string[] = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`));

export const TV_SUFFIXES: readonly string[] = [
  '(Original Television Soundtrack)', '(Music From The HBO Series)', '(A Netflix Original Series Soundtrack)',
  '(Original Series Soundtrack)', '(Music From The Television Series)', '(Original Score From The TV Series)',
];

export const GAME_SUFFIXES: readonly string[] = [
  '(Original Game Soundtrack)', '(Video Game Soundtrack)', '(Original Video Game Score)', '(Original Soundtrack)',
];

export const INSPIRED_BY_FORMS: ReadonlyArray<(title: string) => string> = [
  (t) => `Songs Inspired By ${t}`,
  (t) => `${t}: Music Inspired By The Film`,
  (t) => `Inspired By ${t}`,
  (t) => `${t} (Songs Inspired By The Motion Picture)`,
];

/** Discogs genres other than Stage & Screen, each with styles of its own (no Soundtrack, no Score). */
export const OTHER_GENRE_STYLES: Readonly<Record<string, readonly string[]>> = {
  Electronic: ['Ambient', 'Synthwave', 'Downtempo', 'Experimental', 'Techno'],
  Rock: ['Alternative Rock', 'Pop Rock', 'Indie Rock', 'Post Rock'],
  Pop: ['Ballad', 'Synth-pop', 'Vocal'],
  Jazz: ['Soul-Jazz', 'Cool Jazz', 'Big Band'],
  Classical: ['Modern Classical', 'Neo-Classical', 'Romantic'],
  'Hip Hop': ['Instrumental', 'Conscious'],
  'Funk / Soul': ['Soul', 'Funk'],
};

export const COUNTRIES: readonly string[] = ['US', 'US', 'US', 'UK', 'Europe', 'Japan', 'Germany', 'France', 'Italy', 'Canada', 'Australia'];

/** [format[] as search flattens it, format name, descriptions]. */
export const FORMATS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['CD', ['Album']],
  ['CD', ['Album']],
  ['Vinyl', ['LP', 'Album']],
  ['Vinyl', ['LP', 'Album', 'Reissue']],
  ['File', ['FLAC', 'Album']],
  ['CD', ['Album', 'Limited Edition']],
  ['Cassette', ['Album']],
];
