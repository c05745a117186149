// The real Inngest dev UI in headless Chromium, offline: the browser reaches the dev server only. The one
// outside resource the UI needs to show JSON, Monaco from a CDN, is served from the copy kept beside the
// cached build (tests/e2e/inngest-server.sh); fonts and anything else outside are refused and listed.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import type { InngestDevServer } from './inngest-dev-server.ts';

const CONTENT_TYPES: Record<string, string> = { '.js': 'application/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.json': 'application/json' };

export interface DevUiContext {
  readonly context: BrowserContext;
  /** Outside requests the UI made (refused, or served from the local Monaco copy): what it would fetch online. */
  readonly outside: string[];
  /** True when the editor panes can render (Monaco served locally). */
  readonly hasEditor: boolean;
}

export async function openDevUi(browser: Browser, server: InngestDevServer): Promise<DevUiContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const outside: string[] = [];
  const monaco = server.monaco;
  const cdnPrefix = monaco === undefined ? undefined : `https://cdn.jsdelivr.net/npm/monaco-editor@${monaco.version}/min/vs/`;
  await context.route((url) => !url.href.startsWith(`${server.url}/`), async (route) => {
    const url = route.request().url().split(/[?#]/)[0]!;
    outside.push(url);
    if (monaco !== undefined && cdnPrefix !== undefined && url.startsWith(cdnPrefix)) {
      const file = normalize(join(monaco.dir, url.slice(cdnPrefix.length)));
      if (file.startsWith(monaco.dir)) {
        try {
          return await route.fulfill({ body: await readFile(file), contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
        } catch {
          // not in the copy: refused below
        }
      }
    }
    return route.abort('blockedbyclient');
  });
  return { context, outside, hasEditor: monaco !== undefined };
}
