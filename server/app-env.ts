/**
 * The Hono environment every route module shares: the asset graph and the lake, set once per request by
 * `createApp`, so handlers read them as `c.var.graph` and `c.var.lake`.
 */
import type { AssetGraph, Storage } from '../runtime/index.ts';

/** What every route reads from the request context: the graph and the lake. */
export interface AppVariables {
  graph: AssetGraph;
  lake: Storage;
}

/** The app's Hono environment (its context variables). */
export type AppEnv = { Variables: AppVariables };

/** The server's configuration, read from the environment on each request (never captured at import). */
export type ServerEnv = Readonly<Record<string, string | undefined>>;

/** Explicit dev mode (`MEDALLION_DEV=1`, or `medallion serve --dev`): unset secrets leave routes open. */
export function isDevMode(env: ServerEnv): boolean {
  const value = env.MEDALLION_DEV?.trim().toLowerCase();
  return value === '1' || value === 'true' || value === 'yes';
}

/** A configured secret, or undefined when the variable is unset or blank. */
export function secretOf(env: ServerEnv, name: 'MEDALLION_API_TOKEN' | 'MEDALLION_WEBHOOK_SECRET'): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}
