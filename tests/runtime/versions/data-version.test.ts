import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeDataVersion, computeProvenanceHash } from '../../../runtime/internal.ts';

describe('data versions and provenance hashes', () => {
  it('hashes content: equal bytes, equal version; one byte apart, different versions', () => {
    const bytes = new TextEncoder().encode('same rows');
    assert.equal(computeDataVersion(bytes), computeDataVersion(new TextEncoder().encode('same rows')));
    assert.notEqual(computeDataVersion(bytes), computeDataVersion(new TextEncoder().encode('same rowz')));
    assert.match(computeDataVersion(bytes), /^[0-9a-f]{64}$/);
  });

  it('encodes provenance unambiguously: ("ab","c") and ("a","bc") do not collide', () => {
    const one = computeProvenanceHash({ codeVersion: 'ab', inputs: [{ asset: 'raw/c', partition: null, dataVersion: 'x' }] });
    const two = computeProvenanceHash({ codeVersion: 'a', inputs: [{ asset: 'braw/c', partition: null, dataVersion: 'x' }] });
    assert.notEqual(one, two);
    const partitioned = computeProvenanceHash({ codeVersion: '1', inputs: [{ asset: 'raw/a', partition: 'b', dataVersion: 'c' }] });
    const shifted = computeProvenanceHash({ codeVersion: '1', inputs: [{ asset: 'raw/ab', partition: null, dataVersion: 'c' }] });
    assert.notEqual(partitioned, shifted);
  });

  it('does not depend on the order inputs were read in', () => {
    const a = { asset: 'raw/a', partition: null, dataVersion: '1' };
    const b = { asset: 'raw/b', partition: null, dataVersion: '2' };
    assert.equal(computeProvenanceHash({ codeVersion: '1', inputs: [a, b] }), computeProvenanceHash({ codeVersion: '1', inputs: [b, a] }));
    assert.notEqual(computeProvenanceHash({ codeVersion: '1', inputs: [a, b] }), computeProvenanceHash({ codeVersion: '2', inputs: [a, b] }));
  });
});
