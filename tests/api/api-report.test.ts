// The public surface is deliberate: each `exports` entry's API, as API Extractor reads it from dist/, must
// equal its committed report in docs/api/. A change to the surface fails here until the report is updated
// (`npm run api:update`) and the diff is reviewed with the change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { API_ENTRIES, checkApiReports } from '../support/api-reports.ts';

describe('the API reports (docs/api/)', () => {
  it('match the compiled surface of every entry', () => {
    const results = checkApiReports({ update: false });
    assert.deepEqual(results.map((result) => result.entry), API_ENTRIES.map((entry) => entry.entry));
    for (const result of results) {
      assert.equal(result.errors, 0, `${result.entry}: ${result.messages.join('\n')}`);
      assert.equal(result.changed, false, `The public API of "${result.entry}" changed: review test-artifacts/api/ against docs/api/, then run "npm run api:update" and commit the report.`);
    }
  });

  it('give every exported name a doc comment', () => {
    const undocumented = API_ENTRIES.flatMap(({ entry, report }) => {
      const text = readFileSync(new URL(`../../docs/api/${report}.api.md`, import.meta.url), 'utf8');
      return [...text.matchAll(/^\/\/ @public \(undocumented\)\nexport (?:declare )?(?:abstract )?(?:function|class|const|interface|type) (\w+)/gm)].map((match) => `${entry}: ${match[1]}`);
    });
    assert.deepEqual(undocumented, []);
  });
});
