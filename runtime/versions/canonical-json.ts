/**
 * Canonical JSON: object keys sorted at every level, no whitespace. The injective encoding behind every
 * composite hash (TanStack Query's hashKey idea), so ("ab","c") and ("a","bc") never collide.
 */
import type { JsonValue } from '../json.ts';

export function canonicalJson(value: JsonValue): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}
