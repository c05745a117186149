// The example's project: its graph, and its lake in data/lake beside this file.
import { defineConfig } from '../../runtime/index.ts';
import { graph } from './assets.ts';

export default defineConfig({ graph });
