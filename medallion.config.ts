/**
 * This repository's project: the TMDB + Discogs pipeline as a medallion config. Built from the environment
 * (`MEDALLION_SOURCE`, the query plan; see assets/pipeline-graph.ts) when a command first reads the graph, and
 * with the emulator as a command of its own (`medallion emulate`).
 */
import { emulateCommand } from './assets/sources/emulator/emulate-command.ts';
import { defineConfig } from './runtime/index.ts';

export default defineConfig({
  graph: async (env) => (await import('./assets/pipeline-graph.ts')).createGraphFromEnvironment(env),
  commands: { emulate: emulateCommand },
});
