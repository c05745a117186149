/**
 * What the emulator served: one record per request (endpoint, normalized query, page, status, fault), so
 * a test can assert "the rerun fetched only pages 7–9" or "no 429 was served".
 */
import type { FaultKind } from './faults.ts';
import type { ApiName, RequestInfo } from './request-info.ts';

export interface RequestRecord extends RequestInfo {
  /** The HTTP status served; 0 when the connection was reset instead. */
  readonly status: number;
  readonly fault?: FaultKind;
  /** The emulator clock when the request arrived. */
  readonly at: number;
}

/** Every given field must match; `query` as a string is the normalized query, as an object a subset of `params`. */
export interface StatsFilter {
  api?: ApiName;
  endpoint?: string;
  path?: string;
  query?: string | Readonly<Record<string, string>>;
  page?: number;
  status?: number;
  fault?: FaultKind;
}

export interface Stats {
  requests(filter?: StatsFilter): RequestRecord[];
  count(filter?: StatsFilter): number;
  /** The distinct pages requested, ascending. */
  pages(filter?: StatsFilter): number[];
  reset(): void;
  record(entry: RequestRecord): void;
}

export function createStats(): Stats {
  let records: RequestRecord[] = [];
  const requests = (filter: StatsFilter = {}) => records.filter((record) => matches(record, filter));
  return {
    requests,
    count: (filter) => requests(filter).length,
    pages: (filter) => [...new Set(requests(filter).flatMap((record) => (record.page === null ? [] : [record.page])))].sort((a, b) => a - b),
    reset: () => {
      records = [];
    },
    record: (entry) => {
      records.push(entry);
    },
  };
}

function matches(record: RequestRecord, filter: StatsFilter): boolean {
  if (filter.api !== undefined && record.api !== filter.api) return false;
  if (filter.endpoint !== undefined && record.endpoint !== filter.endpoint) return false;
  if (filter.path !== undefined && record.path !== filter.path) return false;
  if (filter.page !== undefined && record.page !== filter.page) return false;
  if (filter.status !== undefined && record.status !== filter.status) return false;
  if (filter.fault !== undefined && record.fault !== filter.fault) return false;
  if (typeof filter.query === 'string') return record.query === filter.query;
  if (filter.query !== undefined) return Object.entries(filter.query).every(([name, value]) => record.params[name] === value);
  return true;
}
