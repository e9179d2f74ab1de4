import test from 'ava';
import { compareKeys, descriptionId, fd, type InterestKey } from '../../src/kernel/index.js';

const key = (id: number, n: number): InterestKey => ({ id: descriptionId(id), fd: fd(n) });

test('compareKeys orders by description id, then by fd number', (t) => {
  const keys = [key(5, 1), key(4, 9), key(4, 2), key(10, 0)];

  t.deepEqual([...keys].sort(compareKeys), [key(4, 2), key(4, 9), key(5, 1), key(10, 0)]);
  t.is(compareKeys(key(4, 2), key(4, 2)), 0);
  t.true(compareKeys(key(3, 99), key(4, 0)) < 0);
  t.true(compareKeys(key(4, 3), key(4, 2)) > 0);
});
