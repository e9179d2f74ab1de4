import type { Model } from '../program/model.js';
import type { MachineState } from './state.js';

/**
 * Fields left out of fingerprints and encodings. `config` is the same in every state of a
 * check. `edgeClock` is ghost state kept only so that causal delivery can be judged: nothing in
 * the model reads it, so two states that differ only there behave the same from then on.
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
        // Keys in sorted order: registers are added in the order a path set them, so two paths
        // to the same state may build its objects in different orders.
        out.push('{');
        const record = v as Record<string, unknown>;
        for (const key of Object.keys(record).sort()) {
          const value = record[key];
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

/**
 * The canonical encoding of a state as text: equal encodings mean states that behave the same.
 * Fingerprints hash the same structure without building the text.
 */
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

// The two halves of the hash being computed; module state keeps the hot path free of
// allocation. Fingerprinting is synchronous, so nothing else sees them half-done.
let h1 = 0;
let h2 = 0;

/**
 * States are immutable and a step shares every part it does not change with its parent, so
 * each object's hash is computed once and then looked up: a step costs only the objects it made.
 */
const exactHashes = new WeakMap<object, readonly [number, number]>();
const clocklessHashes = new WeakMap<object, readonly [number, number]>();

/** Fields that only vector clocks and race detection read; left out when clocks are. */
const CLOCK_FIELDS = new Set(['config', 'edgeClock', 'clock', 'writeEpoch', 'reads']);

// The mode of the fingerprint being computed: which fields count, and which cache holds them.
let skipped = SKIPPED;
let objectHashes = exactHashes;
const stringHashes = new Map<string, readonly [number, number]>();

function mix(a: number, b: number): void {
  h1 = Math.imul(h1 ^ a, 0x9e3779b1);
  h1 = (h1 << 13) | (h1 >>> 19);
  h2 = Math.imul(h2 ^ b, 0x85ebca77);
  h2 = (h2 << 17) | (h2 >>> 15);
  h2 = (h2 + h1) | 0;
}

function hashString(s: string): readonly [number, number] {
  let known = stringHashes.get(s);
  if (known === undefined) {
    known = hash64(s);
    if (stringHashes.size < 100_000) stringHashes.set(s, known);
  }
  return known;
}

function hashObject(v: object): readonly [number, number] {
  const known = objectHashes.get(v);
  if (known !== undefined) return known;
  const s1 = h1;
  const s2 = h2;
  if (Array.isArray(v)) {
    h1 = 0x5bd1e995;
    h2 = 0x165667b1;
    mix(v.length, v.length);
    for (const item of v as unknown[]) hashValue(item);
  } else {
    // Each field is hashed on its own and the results are summed, so the order of the keys does
    // not matter: registers are added in the order a path set them, and two paths to the same
    // state may build an object with its keys in different orders.
    let sum1 = 0;
    let sum2 = 0;
    for (const key in v) {
      const value = (v as Record<string, unknown>)[key];
      if (value === undefined || skipped.has(key)) continue;
      const [k1, k2] = hashString(key);
      h1 = k1;
      h2 = k2;
      hashValue(value);
      mix(0x27d4eb2f, 0xc2b2ae35);
      sum1 = (sum1 + h1) | 0;
      sum2 = (sum2 + h2) | 0;
    }
    h1 = 0x27d4eb2f;
    h2 = 0xc2b2ae35;
    mix(sum1, sum2);
  }
  const result = [h1 >>> 0, h2 >>> 0] as const;
  objectHashes.set(v, result);
  h1 = s1;
  h2 = s2;
  return result;
}

function hashValue(v: unknown): void {
  switch (typeof v) {
    case 'number':
      if ((v | 0) === v) mix(v, ~v);
      else mixPair(hashString(`#${v}`));
      return;
    case 'string':
      mixPair(hashString(v));
      return;
    case 'bigint':
      mixPair(hashString(`${v}n`));
      return;
    case 'boolean':
      mix(v ? 0x1b873593 : 0x2f2c4e1d, v ? 0x3c6ef372 : 0x510e527f);
      return;
    case 'object':
      if (v === null) mix(0x7f4a7c15, 0x61c88647);
      else mixPair(hashObject(v));
      return;
    default:
      mix(0x68e31da4, 0x1f83d9ab);
  }
}

function mixPair([a, b]: readonly [number, number]): void {
  mix(a, b);
}

/**
 * A state's fingerprint: a 64-bit hash of its canonical structure, as two 32-bit halves. With
 * `clocks` false, vector clocks and race-detection epochs are left out (see `clocksObservable`).
 */
export function fingerprint(state: MachineState, clocks = true): readonly [number, number] {
  skipped = clocks ? SKIPPED : CLOCK_FIELDS;
  objectHashes = clocks ? exactHashes : clocklessHashes;
  return hashObject(state);
}

/**
 * Whether clock values can change a model's verdict. Nothing in a model reads a clock: only
 * race detection (which needs shared variables) and causal delivery do. Under the seed's own
 * semantics causal delivery holds by construction (a delivery acquires the interest's clock,
 * which every edge joins the notifier's clock into), so for a model without shared variables
 * and without a mutant, states that differ only in clocks have the same future verdicts, and
 * the search may count them once; `clocks: 'exact'` keeps them all the same. This is the
 * largest reduction there is: clocks multiply the state space many times over.
 */
export function clocksObservable(model: Model): boolean {
  const { clocks, mutant } = model.options;
  return clocks === 'exact' || model.variables.length > 0 || mutant !== null;
}
