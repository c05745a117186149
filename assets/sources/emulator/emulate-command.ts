/**
 * `medallion emulate`: serves the TMDB + Discogs emulator on a port until SIGINT/SIGTERM, printing the
 * base URLs and the environment a client needs.
 */
import { errorMessage, UsageError, type CliCommand, type CommandContext } from 'medallion';
import type { EmulatorOptions } from './emulator-app.ts';
import { parseFaultSpec } from './fault-spec.ts';
import { DEFAULT_CREDENTIALS } from './in-process-defaults.ts';
import type { ServedEmulator } from './serve-emulator.ts';

export const emulateCommand: CliCommand = {
  summary: 'serve the TMDB v3 + Discogs v2 emulator (deterministic catalogue, rate limits, faults) until Ctrl-C',
  usage: '--port P [--films N] [--seed S] [--discogs-limit L --discogs-window-ms W] [--tmdb-rps R] [--unlimited] [--faults SPEC]',
  options: {
    port: { type: 'string', description: 'port to listen on (0: any free port; default 8787)' },
    host: { type: 'string', description: 'address to bind (default 127.0.0.1)' },
    films: { type: 'string', description: 'catalogue size in films, ~3 releases each (default 10000)' },
    seed: { type: 'string', description: 'catalogue seed (default 20251107)' },
    'discogs-limit': { type: 'string', description: 'Discogs requests per window (default 60)' },
    'discogs-window-ms': { type: 'string', description: 'Discogs moving window in ms (default 60000)' },
    'tmdb-rps': { type: 'string', description: 'TMDB requests per second before 429 (default 40)' },
    unlimited: { type: 'boolean', description: 'turn both rate limits off' },
    faults: { type: 'string', description: 'e.g. "503:0.02,reset:0.01,503@tmdb/movie/popular#7*3"' },
  },
  run: (ctx) => runEmulate(ctx, untilSignal()),
};

/** Serves until `stop` settles; the command's body, apart so a test can stop it. */
export async function runEmulate(ctx: CommandContext, stop: Promise<unknown>): Promise<number> {
  const options = emulatorOptionsOf(ctx.values);
  // Loaded here, not at import: the config that lists this command is read by every command, --help included.
  const { serveEmulator } = await import('./serve-emulator.ts');
  const served = await serveEmulator({ ...options, port: integer(ctx.values, 'port', 0, 65_535) ?? 8787, host: text(ctx.values, 'host') ?? '127.0.0.1' });
  ctx.io.stdout.write(ctx.json ? `${JSON.stringify(summaryOf(served))}\n` : banner(served, options));
  await stop;
  await served.close();
  return 0;
}

export function emulatorOptionsOf(values: CommandContext['values']): EmulatorOptions {
  const limit = integer(values, 'discogs-limit', 1, 1_000_000);
  const windowMs = integer(values, 'discogs-window-ms', 1, 86_400_000);
  const requestsPerSecond = integer(values, 'tmdb-rps', 1, 1_000_000);
  const unlimited = values.unlimited === true;
  const faults = text(values, 'faults');
  let faultOptions;
  try {
    faultOptions = faults === undefined ? undefined : parseFaultSpec(faults);
  } catch (error) {
    throw new UsageError(`--faults: ${errorMessage(error)}`);
  }
  return {
    films: integer(values, 'films', 1, 1_000_000),
    seed: integer(values, 'seed', 0, 2 ** 32 - 1),
    tmdb: { rateLimit: unlimited ? false : { requestsPerSecond } },
    discogs: { rateLimit: unlimited ? false : { limit, windowMs } },
    ...(faultOptions === undefined ? {} : { faults: faultOptions }),
  };
}

function summaryOf(served: ServedEmulator) {
  const { catalogue } = served.emulator;
  return {
    url: served.url,
    films: catalogue.films.length,
    releases: catalogue.releases.length,
    seed: catalogue.seed,
    // What the pipeline's live sources read (assets/sources/credentials.ts); Discogs wants a User-Agent too.
    env: {
      MEDALLION_SOURCE: 'live',
      TMDB_BASE_URL: served.tmdbBaseUrl,
      DISCOGS_BASE_URL: served.discogsBaseUrl,
      TMDB_API_KEY: DEFAULT_CREDENTIALS.tmdbApiKey,
      DISCOGS_TOKEN: DEFAULT_CREDENTIALS.discogsToken,
      DISCOGS_USER_AGENT: 'medallion/0.1 +emulator',
    },
  };
}

function banner(served: ServedEmulator, options: EmulatorOptions): string {
  const summary = summaryOf(served);
  const env = Object.entries(summary.env).map(([name, value]) => `${name}=${value.includes(' ') ? `'${value}'` : value}`);
  return [
    `Emulating TMDB v3 and Discogs v2 on ${summary.url} (${summary.films} films, ${summary.releases} releases, seed ${summary.seed}).`,
    `  TMDB    ${summary.env.TMDB_BASE_URL}  (Bearer ${DEFAULT_CREDENTIALS.tmdbBearerToken} works too)`,
    `  Discogs ${summary.env.DISCOGS_BASE_URL}`,
    `  ${limitsOf(options)}`,
    'Run the pipeline against it with:',
    `  ${env.join(' ')} npm start`,
    'Stop with Ctrl-C.',
    '',
  ].join('\n');
}

function limitsOf(options: EmulatorOptions): string {
  const discogs = options.discogs?.rateLimit;
  const tmdb = options.tmdb?.rateLimit;
  const discogsText = discogs === false ? 'off' : `${discogs?.limit ?? 60} per ${discogs?.windowMs ?? 60_000} ms`;
  const tmdbText = tmdb === false ? 'off' : `${tmdb?.requestsPerSecond ?? 40}/s`;
  return `Rate limits: Discogs ${discogsText}, TMDB ${tmdbText}${discogs === false ? '' : ' (--unlimited turns them off)'}.`;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function text(values: CommandContext['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function integer(values: CommandContext['values'], name: string, min: number, max: number): number | undefined {
  const raw = text(values, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  return value;
}
