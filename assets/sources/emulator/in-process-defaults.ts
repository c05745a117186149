/**
 * The emulator's address and credentials, apart from the emulator itself: the sample sources name them at
 * start-up, and the emulator loads only with the first request.
 */

/** The origin the in-process fetch is addressed with; never resolved (nothing leaves the process). */
export const IN_PROCESS_ORIGIN = 'http://emulator.local';

export const DEFAULT_CREDENTIALS = {
  /** 32 hex digits, as a TMDB v3 api_key. */
  tmdbApiKey: '0e3a1a7f5eed40c0b1a2c3d4e5f60718',
  /** JWT-shaped, as a TMDB API Read Access Token. */
  tmdbBearerToken: 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJlbXVsYXRvciJ9.ZW11bGF0b3Itc2lnbmF0dXJl',
  discogsToken: 'emulatorDiscogsPersonalAccessToken0001',
  discogsKey: 'emulatorConsumerKey',
  discogsSecret: 'emulatorConsumerSecret',
} as const;

/** The sample's services: no rate limits (the sources' clients run without theirs too), in this thread or the emulator's. */
export const SAMPLE_SERVICES = { tmdb: { rateLimit: false }, discogs: { rateLimit: false } } as const;
