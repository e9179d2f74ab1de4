/**
 * A set of 64-bit fingerprints, each stored as two 32-bit halves in one typed array with open
 * addressing: about 8 bytes a state plus slack, against well over a hundred for a `Set` of
 * strings, and no garbage for the collector.
 */
export class FingerprintSet {
  private slots: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Uint32Array(size * 2);
    this.mask = size - 1;
  }

  /** How many fingerprints are stored. */
  get size(): number {
    return this.count;
  }

  /** Bytes of memory the table uses. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /** Adds a fingerprint; returns false when it was already there. (0, 0) is stored as (0, 1). */
  add(hi: number, lo: number): boolean {
    const low = hi === 0 && lo === 0 ? 1 : lo;
    let i = (hi ^ Math.imul(low, 0x9e3779b1)) & this.mask;
    for (;;) {
      const a = this.slots[2 * i] ?? 0;
      const b = this.slots[2 * i + 1] ?? 0;
      if (a === 0 && b === 0) break;
      if (a === hi && b === low) return false;
      i = (i + 1) & this.mask;
    }
    this.slots[2 * i] = hi;
    this.slots[2 * i + 1] = low;
    this.count++;
    if (this.count * 2 > this.mask) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) {
      const a = old[i] ?? 0;
      const b = old[i + 1] ?? 0;
      if (a !== 0 || b !== 0) this.add(a, b);
    }
  }
}
