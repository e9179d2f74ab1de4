import type { InterestKey } from './state.js';

/** Orders interest keys by description id, then fd number, as the seed's `BTreeMap` does. */
export function compareKeys(a: InterestKey, b: InterestKey): number {
  return a.id - b.id || a.fd - b.fd;
}

/** True when two keys are the same. */
export function sameKey(a: InterestKey, b: InterestKey): boolean {
  return a.id === b.id && a.fd === b.fd;
}

/** Inserts `key` into a sorted key array unless it is already there. */
export function insertKey(keys: InterestKey[], key: InterestKey): void {
  let i = 0;
  while (i < keys.length) {
    const at = keys[i];
    if (at === undefined) break;
    const order = compareKeys(at, key);
    if (order === 0) return;
    if (order > 0) break;
    i++;
  }
  keys.splice(i, 0, { id: key.id, fd: key.fd });
}

/** Removes `key` from a key array if present. */
export function removeKey(keys: InterestKey[], key: InterestKey): void {
  const i = keys.findIndex((k) => sameKey(k, key));
  if (i !== -1) keys.splice(i, 1);
}
