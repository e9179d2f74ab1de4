import { fc, testProp } from '@fast-check/ava';
import test from 'ava';
import { produce } from 'immer';
import {
  encodeState,
  FingerprintSet,
  fingerprint,
  hash64,
  model,
  type MachineState,
} from '../../src/index.js';
import { runThreads, startOf } from './helpers.js';

/** Two threads storing to different variables: their steps commute. */
const independent = model('independent', (m) => {
  m.variable('x');
  m.variable('y');
  m.thread('a', (a) => {
    a.store('x', 1);
  });
  m.thread('b', (b) => {
    b.store('y', 2);
  });
});

/** Thread 1's registers set to `regs`, in the order given. */
function withRegs(state: MachineState, regs: readonly [string, number][]): MachineState {
  return produce(state, (draft) => {
    const thread = draft.threads[1];
    if (thread === undefined) throw new Error('no thread 1');
    for (const [name, value] of regs) thread.regs[name] = value;
  });
}

/** A deterministic stream of unsigned 32-bit numbers (mulberry32). */
function numbers(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return (x ^ (x >>> 14)) >>> 0;
  };
}

test('states reached through commuting steps are equal and share a fingerprint', (t) => {
  const s0 = startOf(independent);
  const ab = runThreads(independent, s0, ['a', 'b']).state;
  const ba = runThreads(independent, s0, ['b', 'a']).state;
  t.deepEqual(ab, ba);
  t.is(encodeState(ab), encodeState(ba));
  t.deepEqual(fingerprint(ab), fingerprint(ba));
});

test('states that differ have different fingerprints', (t) => {
  const s0 = startOf(independent);
  const a = runThreads(independent, s0, ['a']).state;
  const b = runThreads(independent, s0, ['b']).state;
  t.notDeepEqual(fingerprint(a), fingerprint(b));
  t.notDeepEqual(fingerprint(s0), fingerprint(a));
});

test('registers set in a different order give the same fingerprint', (t) => {
  const s0 = startOf(independent);
  const uv = withRegs(s0, [
    ['u', 1],
    ['v', 2],
  ]);
  const vu = withRegs(s0, [
    ['v', 2],
    ['u', 1],
  ]);
  t.deepEqual(uv, vu);
  t.deepEqual(fingerprint(uv), fingerprint(vu));
});

test('a fingerprint is two unsigned 32-bit halves', (t) => {
  for (const text of ['', 'a', 'b', encodeState(startOf(independent))]) {
    const [hi, lo] = hash64(text);
    t.true(Number.isInteger(hi) && hi >= 0 && hi < 2 ** 32);
    t.true(Number.isInteger(lo) && lo >= 0 && lo < 2 ** 32);
  }
  t.notDeepEqual(hash64('a'), hash64('b'));
});

test('the fingerprint set stores and finds 100k random fingerprints with no false hit', (t) => {
  const next = numbers(2024);
  const pairs = new Map<string, readonly [number, number]>();
  while (pairs.size < 100_000) {
    const pair = [next(), next()] as const;
    pairs.set(`${pair[0]}:${pair[1]}`, pair);
  }
  const set = new FingerprintSet();
  let fresh = 0;
  for (const [hi, lo] of pairs.values()) if (set.add(hi, lo)) fresh++;
  t.is(fresh, 100_000);
  t.is(set.size, 100_000);

  let found = 0;
  for (const [hi, lo] of pairs.values()) if (!set.add(hi, lo)) found++;
  t.is(found, 100_000);
  t.is(set.size, 100_000);
});

test('the fingerprint set grows from a small capacity without losing entries', (t) => {
  const set = new FingerprintSet(1);
  t.is(set.bytes, 128);
  for (let i = 1; i <= 100; i++) t.true(set.add(i, i * 7));
  for (let i = 1; i <= 100; i++) t.false(set.add(i, i * 7));
  t.is(set.size, 100);
  t.is(set.bytes, 2048);
});

test('the zero fingerprint can be stored and found', (t) => {
  const set = new FingerprintSet();
  t.true(set.add(0, 0));
  t.false(set.add(0, 0));
  t.is(set.size, 1);
});

testProp(
  'the fingerprint set holds exactly the distinct fingerprints added',
  [fc.array(fc.tuple(fc.integer({ min: 1, max: 0xffff_ffff }), fc.nat({ max: 0xffff_ffff })))],
  (t, pairs) => {
    const set = new FingerprintSet(4);
    const seen = new Set<string>();
    for (const [hi, lo] of pairs) {
      const key = `${hi}:${lo}`;
      t.is(set.add(hi, lo), !seen.has(key));
      seen.add(key);
    }
    t.is(set.size, seen.size);
  },
  { numRuns: 50 },
);
