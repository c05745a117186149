/** The medallion package's own manifest, by its own name, so the path is the same from the source and from dist/. */
import { createRequire } from 'node:module';

interface Manifest {
  readonly version: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

/** The medallion package's name, version and dependencies, from its package.json. */
export const MEDALLION_PACKAGE = createRequire(import.meta.url)('medallion/package.json') as Manifest;
