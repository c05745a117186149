#!/usr/bin/env node
// The `medallion` executable. Node 20 cannot run TypeScript by itself, so the entry point is loaded
// through tsx's loader, registered here rather than with a shebang flag so it resolves from this package.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
