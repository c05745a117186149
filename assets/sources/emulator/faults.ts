/**
 * Faults by configuration: random ones (seeded, a rate per kind) and targeted rules ("page 7 of
 * /movie/popular fails with 503, 3 times"), changeable at runtime, with a log of what was injected.
 */
import { createSeededRandom } from '../seeded-random.ts';
import type { MalformedRecord } from './malformed-records.ts';
import type { RequestInfo } from './request-info.ts';

export const FAULT_KINDS = ['401', '403', '429', '500', '502', '503', 'reset', 'slow', 'truncated', 'malformed'] as const;
/**
 * `401`/`403`: the credentials refused, as the service says it. `429`/`5xx`: that status with the service's body. `reset`: the connection drops (in-process fetch rejects
 * with undici's `TypeError: fetch failed`). `slow`: answered after a delay. `truncated`: 200 with the JSON cut
 * mid-way. `malformed`: some records of the page miss a required field or carry a wrong type.
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

export type PageMatch = number | readonly number[] | { readonly from: number; readonly to: number };

export interface FaultRule {
  kind: FaultKind;
  api?: 'tmdb' | 'discogs';
  /** The path inside the API (`/movie/popular`) or its endpoint pattern (`/movie/:id`); a RegExp is tested on the path. */
  path?: string | RegExp;
  /** Each parameter must have this value. */
  query?: Readonly<Record<string, string>>;
  page?: PageMatch;
  /** Requests it hits before it is spent; default: forever. */
  times?: number;
  /** `slow`: the delay; default `slowMs`. */
  delayMs?: number;
  /** `malformed`: the share of records served malformed, chosen by record id; default `recordRate`. */
  recordRate?: number;
}

export interface FaultOptions {
  /** Seeds the random faults and which records are malformed; default the catalogue seed. */
  seed?: number;
  /** Probability per request of each kind (at most one fault per request). */
  rates?: Partial<Record<FaultKind, number>>;
  slowMs?: number;
  recordRate?: number;
  rules?: readonly FaultRule[];
}

/** The fault a request gets. */
export interface ActiveFault {
  readonly kind: FaultKind;
  readonly delayMs: number;
  readonly recordRate: number;
  readonly ruleId?: number;
}

export interface InjectedFault {
  readonly kind: FaultKind;
  readonly api: RequestInfo['api'];
  readonly path: string;
  readonly query: string;
  readonly page: number | null;
  readonly ruleId?: number;
}

export interface ActiveRule extends FaultRule {
  readonly id: number;
  /** Uses left; Infinity for a rule without `times`. */
  readonly remaining: number;
}

export interface Faults {
  readonly seed: number;
  /** Adds a targeted rule (checked before random faults, oldest first); returns its id. */
  add(rule: FaultRule): number;
  remove(id: number): boolean;
  /** Removes every rule and turns random faults off. */
  clear(): void;
  setRates(rates: Partial<Record<FaultKind, number>>): void;
  rules(): ActiveRule[];
  injected(): InjectedFault[];
  /** Records served malformed, in order. */
  malformedRecords(): MalformedRecord[];
  /** Forgets the injected-fault and malformed-record logs; rules and rates stay. */
  resetLog(): void;
  /** For the routes: the fault this request gets, if any; spends one use of the rule that matched. */
  draw(request: RequestInfo): ActiveFault | undefined;
  /** For the routes: logs one record served malformed. */
  noteMalformed(record: MalformedRecord): void;
}

export const DEFAULT_SLOW_MS = 2_000;
export const DEFAULT_RECORD_RATE = 0.1;

export function createFaults(options: FaultOptions = {}, defaultSeed = 0): Faults {
  const seed = options.seed ?? defaultSeed;
  const random = createSeededRandom(seed ^ 0x5eed);
  const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  const recordRate = options.recordRate ?? DEFAULT_RECORD_RATE;
  let rates: Partial<Record<FaultKind, number>> = { ...options.rates };
  let rules: Array<{ id: number; rule: FaultRule; remaining: number }> = [];
  let nextId = 1;
  let injected: InjectedFault[] = [];
  let malformed: MalformedRecord[] = [];
  const add = (rule: FaultRule) => {
    const id = nextId++;
    rules.push({ id, rule, remaining: rule.times ?? Infinity });
    return id;
  };
  for (const rule of options.rules ?? []) add(rule);

  const drawRandom = (): FaultKind | undefined => {
    const roll = random.next();
    let cumulative = 0;
    for (const kind of FAULT_KINDS) {
      cumulative += rates[kind] ?? 0;
      if (roll < cumulative) return kind;
    }
    return undefined;
  };

  return {
    seed,
    add,
    remove: (id) => rules.length !== (rules = rules.filter((entry) => entry.id !== id)).length,
    clear: () => {
      rules = [];
      rates = {};
    },
    setRates: (next) => {
      rates = { ...next };
    },
    rules: () => rules.map(({ id, rule, remaining }) => ({ ...rule, id, remaining })),
    injected: () => [...injected],
    malformedRecords: () => [...malformed],
    resetLog: () => {
      injected = [];
      malformed = [];
    },
    draw(request) {
      if (request.api === 'other') return undefined;
      const entry = rules.find((candidate) => candidate.remaining > 0 && ruleMatches(candidate.rule, request));
      let fault: ActiveFault | undefined;
      if (entry !== undefined) {
        entry.remaining--;
        const { kind, delayMs, recordRate: rate } = entry.rule;
        fault = { kind, delayMs: delayMs ?? slowMs, recordRate: rate ?? recordRate, ruleId: entry.id };
      } else if (Object.keys(rates).length > 0) {
        const kind = drawRandom();
        if (kind !== undefined) fault = { kind, delayMs: slowMs, recordRate };
      }
      if (fault !== undefined) {
        const { api, path, query, page } = request;
        injected.push({ kind: fault.kind, api, path, query, page, ...(fault.ruleId === undefined ? {} : { ruleId: fault.ruleId }) });
      }
      return fault;
    },
    noteMalformed: (record) => {
      malformed.push(record);
    },
  };
}

export function ruleMatches(rule: FaultRule, request: RequestInfo): boolean {
  if (rule.api !== undefined && rule.api !== request.api) return false;
  if (typeof rule.path === 'string' && rule.path !== request.path && rule.path !== request.endpoint) return false;
  if (rule.path instanceof RegExp && !rule.path.test(request.path)) return false;
  if (rule.query !== undefined && !Object.entries(rule.query).every(([name, value]) => request.params[name] === value)) return false;
  return rule.page === undefined || pageMatches(rule.page, request.page);
}

function pageMatches(match: PageMatch, page: number | null): boolean {
  if (page === null) return false;
  if (typeof match === 'number') return page === match;
  if ('from' in match) return page >= match.from && page <= match.to;
  return match.includes(page);
}
