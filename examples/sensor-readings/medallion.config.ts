// The example's project: its graph, and its lake in data/lake beside this file.
import { defineConfig } from 'medallion';
import { graph } from './assets.ts';

export default defineConfig({ graph });
