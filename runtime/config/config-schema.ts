/**
 * The shape a loaded config must have, checked when a config file is loaded (load-config.ts imports this
 * module then, so zod is not loaded for `medallion --help`).
 */
import { z } from 'zod';
import type { CliCommand } from '../cli/command.ts';
import { AssetGraph } from '../graph/asset-graph.ts';
import type { MedallionConfig } from './define-config.ts';

const commandSchema = z.object({
  summary: z.string(),
  usage: z.string(),
  options: z.record(z.string(), z.object({ type: z.enum(['string', 'boolean']), description: z.string() }).loose()),
  run: z.custom<CliCommand['run']>((value) => typeof value === 'function', 'expected a function'),
});

/** The shape a loaded config must have; unknown keys are refused, so a misspelt `graph` is named. */
export const configSchema = z.strictObject({
  graph: z.custom<MedallionConfig['graph']>(
    (value) => value instanceof AssetGraph || typeof value === 'function',
    'expected an AssetGraph (createAssetGraph([...])) or a function returning one',
  ),
  lake: z.string().trim().min(1).optional(),
  secrets: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'secrets are environment variable names, e.g. "TMDB_API_KEY"')).optional(),
  commands: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'command names are lowercase words, e.g. "seed-data"'), commandSchema).optional(),
});
