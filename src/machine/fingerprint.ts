import type { MachineState } from './state.js';

/**
 * Fields left out of the canonical encoding. `config` is the same in every state of a check.
 * `edgeClock` is ghost state kept only so that causal delivery can be judged: nothing in the
 * model reads it, so two states that differ only there behave the same from then on.
 */
const SKIPPED = new Set(['config', 'edgeClock']);

function encode(v: unknown, out: string[]): void {
  switch (typeof v) {
    case 'number':
      out.push(String(v), ',');
      return;
    case 'bigint':
      out.push(String(v), 'n,');
      return;
    case 'string':
      out.push('"', v, '",');
      return;
    case 'boolean':
      out.push(v ? 't,' : 'f,');
      return;
    case 'object':
      if (v === null) {
        out.push('_,');
      } else if (Array.isArray(v)) {
        out.push('[');
        for (const item of v) encode(item, out);
        out.push('],');
      } else {
        out.push('{');
        for (const [key, value] of Object.entries(v)) {
          if (SKIPPED.has(key) || value === undefined) continue;
          out.push(key, ':');
          encode(value, out);
        }
        out.push('},');
      }
      return;
    default:
      out.push('?,');
  }
}

/** The canonical encoding of a state: equal encodings mean states that behave the same. */
export function encodeState(state: MachineState): string {
  const out: string[] = [];
  encode(state, out);
  return out.join('');
}

/**
 * A 64-bit hash of a string as two unsigned 32-bit halves: two multiplicative hashes with
 * different constants, mixed together at the end.
 */
export function hash64(s: string): readonly [number, number] {
  let a = 0x811c9dc5;
  let b = 0x6a09e667;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  b = Math.imul(b, 0x27d4eb2f) ^ Math.imul(a ^ (a >>> 15), 0x165667b1);
  return [a >>> 0, b >>> 0];
}

/** A state's fingerprint: the 64-bit hash of its canonical encoding. */
export function fingerprint(state: MachineState): readonly [number, number] {
  return hash64(encodeState(state));
}
