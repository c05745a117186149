/**
 * A hash table from typo keys (52-bit integers, cut-keys.ts) to an int32, in two typed arrays. A `Map` keyed
 * by numbers above 2^31 boxes each key as a heap number: millions of them at 10× the catalogue, all kept
 * alive until blocking ends, and the collector's marking of them grew faster than the catalogue.
 */
const EMPTY = -1;

export class KeyTable {
  readonly #keys: Float64Array;
  readonly #values: Int32Array;
  readonly #mask: number;
  #size = 0;

  /** Room for `capacity` keys: the table never grows, so give an upper bound. */
  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.#keys = new Float64Array(slots);
    this.#values = new Int32Array(slots).fill(EMPTY);
    this.#mask = slots - 1;
  }

  get size(): number {
    return this.#size;
  }

  /** The value under `key`, or -1. */
  get(key: number): number {
    for (let slot = this.#slotOf(key); ; slot = (slot + 1) & this.#mask) {
      const value = this.#values[slot]!;
      if (value === EMPTY || this.#keys[slot] === key) return value;
    }
  }

  /** Sets a value ≥ 0 under `key`. */
  set(key: number, value: number): void {
    for (let slot = this.#slotOf(key); ; slot = (slot + 1) & this.#mask) {
      if (this.#values[slot] === EMPTY) {
        if (this.#size * 2 >= this.#keys.length) throw new RangeError(`KeyTable is full (${this.#size} keys).`);
        this.#size++;
      } else if (this.#keys[slot] !== key) continue;
      this.#keys[slot] = key;
      this.#values[slot] = value;
      return;
    }
  }

  // The keys are hashes already: mixing their two halves is enough to spread them.
  #slotOf(key: number): number {
    const high = Math.floor(key / 67_108_864);
    return (Math.imul(high, 0x9e3779b1) ^ (key - high * 67_108_864)) & this.#mask;
  }
}
