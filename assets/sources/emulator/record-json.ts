/**
 * List records as UTF-8 JSON, serialized once per record (and origin) and copied into every page that
 * serves it; a page under the `malformed` fault swaps in damaged copies of the records its rate picks.
 * Bytes rather than strings: a 100-record page is ~70 KB, and encoding it per request was most of the cost.
 */
import type { ActiveFault, Faults } from './faults.ts';
import { malformRecord, recordDefect } from './malformed-records.ts';
import type { RequestInfo } from './request-info.ts';

export interface PageParts {
  /** JSON text before the records array, e.g. `{"page":3,"results":`. */
  readonly head: string;
  readonly positions: readonly number[];
  /** JSON text after the array. */
  readonly tail: string;
}

export interface RecordJson {
  /** `head` + `[record, …]` + `tail` as bytes; records' JSON passed through `rewrite` for this origin. */
  page(parts: PageParts, fault: ActiveFault | undefined, request: RequestInfo, origin?: string): Buffer;
}

const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');

/** How a list's records become JSON. */
export interface RecordSerializer<T extends { id: number }> {
  record(position: number): T;
  /** Adapts JSON text to the origin serving it (e.g. links); default: unchanged. */
  rewrite?(json: string, origin: string): string;
}

export function createRecordJson<T extends { id: number }>(serializer: RecordSerializer<T>, faults: Faults): RecordJson {
  const { record } = serializer;
  const rewrite = serializer.rewrite ?? ((json: string) => json);
  const byOrigin = new Map<string, Buffer[]>();
  const bytesOf = (position: number, origin: string) => {
    let cache = byOrigin.get(origin);
    if (cache === undefined) byOrigin.set(origin, (cache = []));
    return (cache[position] ??= Buffer.from(rewrite(JSON.stringify(record(position)), origin)));
  };
  return {
    page({ head, positions, tail }, fault, request, origin = '') {
      const chunks: Buffer[] = [Buffer.from(head), OPEN];
      positions.forEach((position, index) => {
        if (index > 0) chunks.push(COMMA);
        const defect = fault?.kind === 'malformed' ? recordDefect(faults.seed, request.api, record(position).id, fault.recordRate) : undefined;
        if (defect === undefined) {
          chunks.push(bytesOf(position, origin));
          return;
        }
        const intact = record(position);
        faults.noteMalformed({ api: request.api, path: request.path, page: request.page, id: intact.id, defect });
        chunks.push(Buffer.from(rewrite(JSON.stringify(malformRecord(request.api, intact as unknown as Record<string, unknown>, defect)), origin)));
      });
      chunks.push(CLOSE, Buffer.from(tail));
      return Buffer.concat(chunks);
    },
  };
}
