// Event Grid over a local lake: every file that appears under `raw/` is announced to the webhook as a
// `Microsoft.Storage.BlobCreated`, as Azure announces every committed blob of the container, including the
// ones medallion writes itself (heads, version folders, attached pages).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { blobCreatedEventGrid } from '../../server/fixtures/event-grid-payloads.ts';

export interface LakeEventGrid {
  /** The blob names announced so far (`<container>/<name>`), in order. */
  readonly announced: string[];
  stop(): Promise<void>;
}

function filesUnder(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(folder, name);
    try {
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    } catch {
      return []; // gone meanwhile (a temporary file renamed)
    }
  });
}

/** Announces files created under `<lake>/raw` after it starts (polled every `intervalMs`) to `webhookUrl`. */
export function watchLakeForEventGrid(lake: string, webhookUrl: string, intervalMs = 150): LakeEventGrid {
  const seen = new Set(filesUnder(join(lake, 'raw')));
  const announced: string[] = [];
  let sequence = 0;
  let stopped = false;
  const poll = async () => {
    while (!stopped) {
      const fresh = filesUnder(join(lake, 'raw')).filter((path) => !seen.has(path));
      for (const path of fresh) seen.add(path);
      // Event Grid batches what it has; a blob whose name starts with `.` or `_` included (temporary files too).
      const events = fresh.map((path) => {
        const [container, ...rest] = relative(lake, path).split('/');
        announced.push(`${container}/${rest.join('/')}`);
        const stats = statSync(path, { throwIfNoEntry: false });
        return blobCreatedEventGrid({ container: container!, blob: rest.join('/'), id: `e2e-${process.pid}-${++sequence}`, contentLength: stats?.size ?? 0 });
      });
      if (events.length > 0) {
        const response = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'aeg-event-type': 'Notification' }, body: JSON.stringify(events) });
        if (!response.ok) throw new Error(`The webhook answered ${response.status}: ${await response.text()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };
  const running = poll();
  return {
    announced,
    async stop() {
      stopped = true;
      await running;
    },
  };
}
