/**
 * This repository's project: the TMDB + Discogs pipeline as a medallion config. Built from the environment
 * (`MEDALLION_SOURCE`, the query plan; see assets/pipeline-graph.ts) when a command first reads the graph, and
 * with the emulator as a command of its own (`medallion emulate`).
 */
import { defineConfig, type ConfigEnv } from 'medallion';
import { SOURCE_SECRET_VARIABLES } from './assets/sources/credentials.ts';
import { emulateCommand } from './assets/sources/emulator/emulate-command.ts';

// Imported when a command reads the graph, so `medallion --help` does not load the pipeline. A function
// declaration: tsc (5.9) leaves a `.ts` import() inside an object literal's arrow un-rewritten.
async function pipelineGraph(env: ConfigEnv) {
  const { createGraphFromEnvironment } = await import('./assets/pipeline-graph.ts');
  return createGraphFromEnvironment(env);
}

export default defineConfig({ graph: pipelineGraph, commands: { emulate: emulateCommand }, secrets: SOURCE_SECRET_VARIABLES });
