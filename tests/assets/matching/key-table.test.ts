import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeyTable } from '../../../assets/matching/key-table.ts';

describe('KeyTable: 52-bit typo keys to an int32, in typed arrays', () => {
  it('answers as a Map would, over keys that share a slot and keys above 2^31', () => {
    const table = new KeyTable(1_000);
    const reference = new Map<number, number>();
    // Same low half (every 2^26 apart), so many share a slot and probe past each other; plus 0 and 2^52 - 1.
    const keys = [0, 2 ** 52 - 1, ...Array.from({ length: 300 }, (_, index) => index * 2 ** 26 + 12_345), ...Array.from({ length: 300 }, (_, index) => index * 7_919_993 + 3)];
    keys.forEach((key, index) => {
      assert.equal(table.get(key), reference.get(key) ?? -1, `before set ${key}`);
      table.set(key, index);
      reference.set(key, index);
    });
    table.set(keys[5]!, 99_999);
    reference.set(keys[5]!, 99_999);
    assert.equal(table.size, reference.size);
    for (const key of keys) assert.equal(table.get(key), reference.get(key), String(key));
    assert.equal(table.get(2 ** 40 + 1), -1);
  });

  it('refuses more keys than it was sized for instead of looping', () => {
    const table = new KeyTable(4);
    assert.throws(() => {
      for (let key = 0; key < 100; key++) table.set(key * 2 ** 26, key);
    }, /KeyTable is full/);
  });
});
