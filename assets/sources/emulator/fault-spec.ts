/**
 * The `--faults` text of `medallion emulate`: comma-separated entries, each a random rate (`503:0.02`) or
 * a targeted rule (`503@tmdb/movie/popular#7*3`: kind @ api path, optional #page or #from-to, optional *times).
 */
import { FAULT_KINDS, type FaultKind, type FaultOptions, type FaultRule } from './faults.ts';

/**
 * @example
 * parseFaultSpec('reset:0.01,slow:0.05,503@tmdb/movie/popular#7-9*3');
 * // { rates: { reset: 0.01, slow: 0.05 }, rules: [{ kind: '503', api: 'tmdb', path: '/movie/popular', page: { from: 7, to: 9 }, times: 3 }] }
 */
export function parseFaultSpec(text: string): Pick<FaultOptions, 'rates' | 'rules'> {
  const rates: Partial<Record<FaultKind, number>> = {};
  const rules: FaultRule[] = [];
  for (const entry of text.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const rate = /^([a-z0-9]+):([0-9.]+)$/.exec(entry);
    if (rate !== null) {
      const value = Number(rate[2]);
      if (!(value >= 0 && value <= 1)) throw new Error(`Fault rate "${entry}": the rate must be between 0 and 1.`);
      rates[kindOf(rate[1]!, entry)] = value;
      continue;
    }
    rules.push(ruleOf(entry));
  }
  return { rates, rules };
}

function ruleOf(entry: string): FaultRule {
  const match = /^([a-z0-9]+)@(tmdb|discogs)(\/[^#*]*)?(?:#(\d+)(?:-(\d+))?)?(?:\*(\d+))?$/.exec(entry);
  if (match === null) throw new Error(`Fault "${entry}": expected KIND:RATE or KIND@API/PATH[#PAGE[-PAGE]][*TIMES], e.g. 503@tmdb/movie/popular#7*3.`);
  const [, kind, api, path, from, to, times] = match;
  const rule: FaultRule = { kind: kindOf(kind!, entry), api: api as 'tmdb' | 'discogs' };
  if (path !== undefined && path !== '/') rule.path = path;
  if (from !== undefined) rule.page = to === undefined ? Number(from) : { from: Number(from), to: Number(to) };
  if (times !== undefined) rule.times = Number(times);
  return rule;
}

function kindOf(text: string, entry: string): FaultKind {
  const kind = FAULT_KINDS.find((candidate) => candidate === text);
  if (kind === undefined) throw new Error(`Fault "${entry}": unknown kind "${text}" (one of ${FAULT_KINDS.join(', ')}).`);
  return kind;
}
