// span-attributes.ts is the single source of the names dashboards and KQL rely on; the README documents
// them. This keeps the two in step both ways.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as names from '../../../runtime/telemetry/span-attributes.ts';

const readme = readFileSync(new URL('../../../runtime/telemetry/README.md', import.meta.url), 'utf8');
const entries = Object.entries(names) as [string, string][];
const attributeRows = [...readme.matchAll(/^\| `(medallion\.[a-z_.]+)` \| (?:string|int|bool|string\[\]) \|/gm)].map((match) => match[1]);

describe('telemetry README', () => {
  it('has a row in the attributes table for every attribute in span-attributes.ts, and no other', () => {
    const attributes = entries.filter(([name]) => name.startsWith('ATTR_')).map(([, value]) => value);
    assert.deepEqual([...attributeRows].sort(), [...attributes].sort());
  });

  it('names every span in the spans table', () => {
    for (const [, value] of entries.filter(([name]) => name.startsWith('SPAN_'))) {
      assert.match(readme, new RegExp(`^\\| \`${value.replaceAll('.', '\\.')}[ .\`]`, 'm'), `${value} is not in the spans table`);
    }
  });
});
