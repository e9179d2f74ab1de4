import test from 'ava';
import { formatTimeline, PLAIN, type Palette } from '../../src/report/index.js';
import { expectsTwo, viewOf } from './fixture.js';

const view = viewOf(expectsTwo);

test('the timeline puts each step in its thread column and the wakeup in the woken one', (t) => {
  t.deepEqual(formatTimeline(view, PLAIN), [
    'expects-two: 2 steps',
    "replay: weft replay expects-two.ts 'consumer:epoll_wait,producer:write'",
    'setup  eventfd(0, EFD_NONBLOCK) → 3',
    'setup  epoll_create1(0) → 4',
    'setup  epoll_ctl(4, EPOLL_CTL_ADD, 3, {EPOLLIN|EPOLLET, data 7}) → 0',
    '',
    '#  consumer                              producer',
    '1  epoll_wait(4, 1, -1)',
    '   blocks',
    '2  ↳ woken: 1 [EPOLLIN data 7]           write(3, 1)',
    '   ✗ assertion at assert                 → 8',
    '',
    '✗ violation of assertions: consumer failed assertion at assert: the consumer receives two events',
  ]);
});

test('the timeline cuts long cells to a narrow width and shows clocks on request', (t) => {
  const lines = formatTimeline(view, PLAIN, { clocks: true, width: 40 });
  t.deepEqual(lines.slice(6), [
    '#  consumer          producer',
    '1  epoll_wait(4, 1…',
    '   blocks',
    '   clock [4, 2]',
    '2  ↳ woken: 1 [EPO…  write(3, 1)',
    '   ✗ assertion at …  → 8',
    '                     clock [4, 0, 4]',
    '',
    '✗ violation of assertions: consumer failed assertion at assert: the consumer receives two events',
  ]);
  t.true(lines.slice(6, -2).every((line) => Array.from(line).length <= 40));
});

test('the timeline colours names, wakeups and the violation by role, never the padding', (t) => {
  const mark = (role: string) => (s: string) => `<${role}>${s}</${role}>`;
  const marking: Palette = {
    pass: mark('pass'),
    fail: mark('fail'),
    warn: mark('warn'),
    dim: mark('dim'),
    strong: mark('strong'),
    thread: mark('thread'),
  };
  const lines = formatTimeline(view, marking);
  t.is(
    lines[6],
    '<dim>#</dim>  <thread>consumer</thread>                              <thread>producer</thread>',
  );
  t.is(lines[9], '2  <dim>↳ woken: 1 [EPOLLIN data 7]</dim>           write(3, 1)');
  t.is(
    lines.at(-1),
    '<fail>✗ violation of assertions: consumer failed assertion at assert: the consumer receives two events</fail>',
  );
});

test('the timeline ends with the last step when nothing is violated', (t) => {
  const lines = formatTimeline({ ...view, violation: null, replay: null }, PLAIN);
  t.is(lines.at(-1), '   ✗ assertion at assert                 → 8');
  t.false(lines.some((line) => line.startsWith('replay')));
});
