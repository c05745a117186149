/**
 * The sample's film vocabulary: well-known films with their year and TMDB genre ids, chosen for the cases
 * matching must get right (leading "The", diacritics, non-Latin original titles, sequels, remakes).
 */

/** [title, year (null: TMDB has no release date), genre ids, original title, original language]. */
export type SampleFilmSpec = readonly [string, number | null, readonly number[], string?, string?];

export const SAMPLE_FILMS: readonly SampleFilmSpec[] = [
  ['The Matrix', 1999, [28, 878]], ['Fight Club', 1999, [18]], ['Pulp Fiction', 1994, [53, 80]],
  ['Reservoir Dogs', 1992, [80, 53]], ['Forrest Gump', 1994, [35, 18, 10749]], ['Titanic', 1997, [18, 10749]],
  ['Jaws', 1975, [27, 53, 12]], ['E.T. the Extra-Terrestrial', 1982, [878, 12, 10751]],
  ['Back to the Future', 1985, [12, 35, 878]], ['Ghostbusters', 1984, [35, 14]], ['Top Gun', 1986, [28, 18]],
  ['Top Gun: Maverick', 2022, [28, 18]], ['Gladiator', 2000, [28, 18, 12]], ['Inception', 2010, [28, 878, 12]],
  ['Interstellar', 2014, [12, 18, 878]], ['The Dark Knight', 2008, [18, 28, 80]], ['Batman', 1989, [14, 28]],
  ['Batman Begins', 2005, [28, 80, 18]], ['Jurassic Park', 1993, [12, 878]], ['The Lion King', 1994, [10751, 16, 18]],
  ['Aladdin', 1992, [16, 10751, 12]], ['Beauty and the Beast', 1991, [10749, 10751, 16]],
  ['Frozen', 2013, [16, 10751, 12]], ['Trainspotting', 1996, [18, 80]], ['Drive', 2011, [18, 53, 80]],
  ['La La Land', 2016, [35, 18, 10749, 10402]], ['Whiplash', 2014, [18, 10402]], ['Black Panther', 2018, [28, 12, 878]],
  ['Joker', 2019, [80, 53, 18]], ['Arrival', 2016, [18, 878, 9648]], ['Sicario', 2015, [28, 80, 53]],
  ['The Social Network', 2010, [18]], ['Gone Girl', 2014, [9648, 53, 18]], ['Her', 2013, [10749, 878, 18]],
  ['Moonlight', 2016, [18]], ['Get Out', 2017, [9648, 53, 27]], ['Parasite', 2019, [35, 53, 18], '기생충', 'ko'],
  ['Oppenheimer', 2023, [18, 36]], ['Barbie', 2023, [35, 12]], ['Dunkirk', 2017, [10752, 28, 18]],
  ['Tenet', 2020, [28, 53, 878]], ['Heat', 1995, [28, 80, 18]], ['Casino', 1995, [80, 18]],
  ['Goodfellas', 1990, [18, 80]], ['Taxi Driver', 1976, [80, 18]], ['Vertigo', 1958, [9648, 10749, 53]],
  ['North by Northwest', 1959, [9648, 53]], ['Lawrence of Arabia', 1962, [12, 18, 36, 10752]],
  ['The Good, the Bad and the Ugly', 1966, [37], 'Il buono, il brutto, il cattivo', 'it'],
  ['Once Upon a Time in the West', 1968, [37], "C'era una volta il West", 'it'],
  ['Cinema Paradiso', 1988, [18, 10749], 'Nuovo Cinema Paradiso', 'it'], ['Chinatown', 1974, [80, 18, 9648]],
  ['Apocalypse Now', 1979, [18, 10752]], ['The Shining', 1980, [27, 53]],
  ['2001: A Space Odyssey', 1968, [878, 9648, 12]], ['A Clockwork Orange', 1971, [878, 80]],
  ['Star Wars', 1977, [12, 28, 878]], ['The Empire Strikes Back', 1980, [12, 28, 878]],
  ['Raiders of the Lost Ark', 1981, [12, 28]], ['Superman', 1978, [878, 28, 12]],
  ['Close Encounters of the Third Kind', 1977, [878, 18]], ['Edward Scissorhands', 1990, [14, 18, 10749]],
  ['Beetlejuice', 1988, [14, 35]], ['The Nightmare Before Christmas', 1993, [14, 16, 10751]],
  ['Braveheart', 1995, [28, 18, 36, 10752]], ['Saving Private Ryan', 1998, [18, 36, 10752]],
  ['American Beauty', 1999, [18]], ['Magnolia', 1999, [18]], ['Requiem for a Dream', 2000, [80, 18]],
  ['Memento', 2000, [9648, 53]], ['Moulin Rouge!', 2001, [18, 10749, 10402]], ['Donnie Darko', 2001, [14, 18, 9648]],
  ['Lost in Translation', 2003, [18, 35, 10749]], ['Kill Bill: Vol. 1', 2003, [28, 80]],
  ['Eternal Sunshine of the Spotless Mind', 2004, [878, 18, 10749]], ['Brokeback Mountain', 2005, [18, 10749]],
  ['Pirates of the Caribbean: The Curse of the Black Pearl', 2003, [12, 14, 28]],
  ['No Country for Old Men', 2007, [80, 18, 53]], ['There Will Be Blood', 2007, [18]],
  ['Slumdog Millionaire', 2008, [18, 10749]], ['Up', 2009, [16, 35, 10751, 12]], ['Avatar', 2009, [28, 12, 14, 878]],
  ['Black Swan', 2010, [18, 53]], ['The Artist', 2011, [18, 35, 10749]], ['Skyfall', 2012, [28, 12, 53]],
  ['Gravity', 2013, [878, 53, 18]], ['12 Years a Slave', 2013, [18, 36]], ['Birdman', 2014, [18, 35]],
  ['The Grand Budapest Hotel', 2014, [35, 18]], ['The Revenant', 2015, [12, 18]], ['Baby Driver', 2017, [28, 80]],
  ['Phantom Thread', 2017, [18, 10749]], ['Call Me by Your Name', 2017, [10749, 18]],
  ['The Shape of Water', 2017, [18, 14, 10749]], ['Roma', 2018, [18], 'Roma', 'es'], ['1917', 2019, [10752, 18, 36]],
  ['Soul', 2020, [16, 10751, 35, 14]], ['Everything Everywhere All at Once', 2022, [28, 12, 878]],
  ['Poor Things', 2023, [878, 10749, 35]], ['Past Lives', 2023, []],
  // Titles that trip naive soundtrack filters: "ghost"/"lost" contain "ost", "The Score" is all phrase.
  ['Ghost', 1990, [14, 18, 53, 9648, 10749]], ['Lost Highway', 1997, [9648, 53]], ['The Score', 2001, [80, 53]],
  ['Music and Lyrics', 2007, [35, 10749, 10402]], ['The Piano', 1993, []], ['Amadeus', 1984, [36, 10402, 18]],
  ['Fargo', 1996, [80, 18, 53]], ['Westworld', 1973, [878, 53, 37]],
  ['Lock, Stock and Two Smoking Barrels', 1998, [35, 80]], ["Bill & Ted's Excellent Adventure", 1989, [12, 35, 878]],
  ['Fast & Furious', 2009, [28, 80, 18]], ['Mission: Impossible', 1996, [12, 28, 53]],
  ["Harry Potter and the Philosopher's Stone", 2001, [12, 14]],
  ['The Lord of the Rings: The Fellowship of the Ring', 2001, [12, 14, 28]], ['WALL·E', 2008, [16, 35, 10751, 878]],
  // Sequels: the number must survive normalization.
  ['Toy Story', 1995, [16, 12, 10751, 35]], ['Toy Story 2', 1999, [16, 35, 10751]], ['Toy Story 3', 2010, [16, 10751, 35]],
  ['Rocky', 1976, [18]], ['Rocky II', 1979, [18]], ['Rocky III', 1982, [18]], ['Iron Man', 2008, [28, 878, 12]],
  ['Iron Man 2', 2010, [28, 878, 12]], ['The Godfather', 1972, [18, 80]], ['The Godfather Part II', 1974, [18, 80]],
  ['Alien', 1979, [27, 878]], ['Aliens', 1986, [28, 53, 878]], ['Alien³', 1992, [878, 28, 27]],
  ['Blade Runner', 1982, [878, 18, 53]], ['Blade Runner 2049', 2017, [878, 18]], ['Mad Max', 1979, [12, 28, 53, 878]],
  ['Mad Max 2', 1981, [12, 28, 53, 878]], ['Mad Max: Fury Road', 2015, [28, 12, 878]],
  ['Terminator 2: Judgment Day', 1991, [28, 53, 878]], ['Predator', 1987, [878, 28, 12]], ['Predators', 2010, [878, 28]],
  // Remakes: same title, another year; only the year tells their soundtracks apart.
  ['Dune', 1984, [28, 878, 12]], ['Dune', 2021, [878, 12]], ['A Star Is Born', 1976, [18, 10402, 10749]],
  ['A Star Is Born', 2018, [10402, 18, 10749]], ['Total Recall', 1990, [28, 12, 878]], ['Total Recall', 2012, [28, 878]],
  ['RoboCop', 1987, [28, 53, 878]], ['RoboCop', 2014, [28, 878]], ['The Thing', 1982, [27, 9648, 878]],
  ['The Thing', 2011, [27, 9648, 878]], ['Psycho', 1960, [27, 53]], ['Psycho', 1998, [27, 53]],
  ["Ocean's Eleven", 1960, [80, 35]], ["Ocean's Eleven", 2001, [53, 80]], ['Footloose', 1984, [18, 10402, 10749]],
  ['Footloose', 2011, [18, 10402, 10749]],
  // Diacritics and original titles in other languages and scripts.
  ['Amélie', 2001, [35, 10749], "Le Fabuleux Destin d'Amélie Poulain", 'fr'],
  ['Léon: The Professional', 1994, [80, 18, 28], 'Léon', 'fr'], ['Y Tu Mamá También', 2001, [18], 'Y tu mamá también', 'es'],
  ['La Haine', 1995, [18], 'La Haine', 'fr'], ["Pan's Labyrinth", 2006, [14, 18, 10752], 'El laberinto del fauno', 'es'],
  ['Das Boot', 1981, [10752, 18, 28], 'Das Boot', 'de'], ['Les Misérables', 2012, [10749, 18, 36]],
  ['Mamma Mia!', 2008, [35, 10749, 10402]], ['Spirited Away', 2001, [16, 10751, 14], '千と千尋の神隠し', 'ja'],
  ['My Neighbor Totoro', 1988, [14, 16, 10751], 'となりのトトロ', 'ja'],
  ['Princess Mononoke', 1997, [12, 14, 16], 'もののけ姫', 'ja'], ["Howl's Moving Castle", 2004, [14, 16, 12], 'ハウルの動く城', 'ja'],
  ['Akira', 1988, [16, 878, 28], 'AKIRA', 'ja'], ['Crouching Tiger, Hidden Dragon', 2000, [12, 18, 28], '臥虎藏龍', 'zh'],
  ['In the Mood for Love', 2000, [18, 10749], '花樣年華', 'cn'],
  // Announced, no release date yet: TMDB sends release_date "".
  ['Megalopolis', null, []],
];

export const SAMPLE_COMPOSERS: readonly string[] = [
  'Hans Zimmer', 'John Williams', 'Ennio Morricone', 'Howard Shore', 'Danny Elfman', 'James Horner',
  'Alan Silvestri', 'Thomas Newman', 'Alexandre Desplat', 'Jerry Goldsmith', 'Vangelis', 'Joe Hisaishi',
  'Yann Tiersen', 'Max Richter', 'Jóhann Jóhannsson', 'Trent Reznor & Atticus Ross', 'Clint Mansell',
  'Michael Giacchino', 'Ludwig Göransson', 'Hildur Guðnadóttir', 'Bernard Herrmann', 'Nino Rota',
  'Ryuichi Sakamoto', 'Carter Burwell', 'Jonny Greenwood', 'Mica Levi', 'Justin Hurwitz', 'Cliff Martinez',
];

export const SAMPLE_LABELS: readonly string[] = [
  'Varèse Sarabande', 'Milan', 'Sony Classical', 'Decca', 'WaterTower Music', 'Hollywood Records',
  'Lakeshore Records', 'Mondo', 'Silva Screen Records', 'Atlantic', 'Interscope Records', 'Walt Disney Records',
  'Tokuma Japan Communications', 'Death Waltz Recording Company', 'La-La Land Records',
];
