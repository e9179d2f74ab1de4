import test from 'ava';
import {
  EPOLLERR,
  EPOLLET,
  EPOLLHUP,
  EPOLLIN,
  EPOLLONESHOT,
  EPOLLOUT,
  formatEvents,
  parseEvents,
} from '../../src/kernel/index.js';
import { bits } from './helpers.js';

test('formatEvents names each bit in a fixed order', (t) => {
  t.is(formatEvents(0), '0');
  t.is(formatEvents(EPOLLOUT | EPOLLIN), 'EPOLLIN|EPOLLOUT');
  t.is(formatEvents(bits(EPOLLET, EPOLLHUP, EPOLLERR)), 'EPOLLERR|EPOLLHUP|EPOLLET');
  t.is(formatEvents(EPOLLIN | 0x40 | 0x100), 'EPOLLIN|0x140');
});

test('parseEvents reads names and numbers back into an unsigned mask', (t) => {
  t.is(parseEvents('EPOLLIN|EPOLLET'), bits(EPOLLIN, EPOLLET));
  t.is(parseEvents(' EPOLLONESHOT | 0x40 | 8 '), bits(EPOLLONESHOT, 0x40, EPOLLERR));
  t.is(parseEvents('EPOLLIN|EPOLLBOGUS'), undefined);
});

test('parseEvents inverts formatEvents', (t) => {
  for (const mask of [0, 1, 0x2011, bits(EPOLLET, EPOLLONESHOT, EPOLLIN), 0xffffffff]) {
    t.is(parseEvents(formatEvents(mask)), mask);
  }
});
