// span-attributes.ts is the single source of the names dashboards and KQL rely on; the README documents
// them. This keeps the two in step both ways: every attribute with its type and spans, every span name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as names from '../../../runtime/telemetry/span-attributes.ts';

const readme = readFileSync(new URL('../../../runtime/telemetry/README.md', import.meta.url), 'utf8');
const spanNames = Object.entries(names).filter(([name, value]) => name.startsWith('SPAN_') && typeof value === 'string').map(([, value]) => value as string);
/** `| \`key\` | type | spans | meaning |` rows of the attributes table. */
const attributeRows = [...readme.matchAll(/^\| `([a-z_.]+)` \| (string|int|double|boolean|string\[\]) \| ([a-z, ]+) \|/gm)].map(
  ([, key, type, spans]) => [key!, { type: type!, spans: spans!.split(',').map((span) => span.trim()) }] as const,
);

describe('telemetry README', () => {
  it('has a row in the attributes table for every attribute in span-attributes.ts, and no other', () => {
    assert.deepEqual(attributeRows.map(([key]) => key).sort(), Object.keys(names.SPAN_ATTRIBUTES).sort());
  });

  it('gives each attribute its declared type and spans', () => {
    assert.deepEqual(Object.fromEntries(attributeRows), Object.fromEntries(Object.entries(names.SPAN_ATTRIBUTES).map(([key, spec]) => [key, { type: spec.type, spans: [...spec.spans] }])));
  });

  it('names every span in the spans table', () => {
    for (const value of spanNames) {
      assert.match(readme, new RegExp(`^\\| \`${value.replaceAll('.', '\\.')}[ .\`]`, 'm'), `${value} is not in the spans table`);
    }
  });
});
