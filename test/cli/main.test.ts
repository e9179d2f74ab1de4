import test from 'ava';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { fakeIo, type Captured } from './io.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function run(...argv: string[]): Promise<Captured> {
  const { io, out, err } = fakeIo(ROOT);
  const code = await main(argv, io);
  return { code, out, err };
}

test('check prints the verdict, the shortest counterexample and its replay line', async (t) => {
  const result = await run('check', 'message-passing-race');
  t.is(result.code, 0);
  t.deepEqual(result.err, []);
  t.deepEqual(result.out, [
    '✓ message-passing-race: violation of no-data-race',
    "  consumer's load of 'msg' races with producer's earlier store",
    '  counterexample: 4 steps, 1 thread switch, the fewest possible',
    '     ·  main      eventfd(0, EFD_NONBLOCK) → 3',
    '     ·  main      epoll_create1(0) → 4',
    '     ·  main      epoll_ctl(4, EPOLL_CTL_ADD, 3, {EPOLLIN|EPOLLET, data 0}) → 0',
    '     1  producer  write(3, 1) → 8',
    '     2  producer  msg = 42',
    '     3  consumer  epoll_wait(4, 1, -1) → 1 [EPOLLIN data 0]',
    '     4  consumer  load msg → 42',
    "  replay: npx weft replay models/message-passing-race.ts 'producer:write,producer:store,consumer:epoll_wait,consumer:load'",
    '',
    '   model                 verdict                    expected                   states  transitions  time',
    '✓  message-passing-race  violation of no-data-race  violation of no-data-race       5            4  0 ms',
    '',
    '1 as expected, 0 not',
  ]);
});

test('check exits 1 when a verdict is not the expected one', async (t) => {
  const result = await run('check', 'two-waiters-one-event', '--mutant', 'wake-all-waiters');
  t.is(result.code, 1);
  t.is(result.out[0], '✗ two-waiters-one-event: violation of woken-receives-event (expected pass)');
});

test('replay prints the same trace and exits 1 at the violation', async (t) => {
  const schedule = 'producer:write,producer:store,consumer:epoll_wait,consumer:load';
  const result = await run('replay', 'models/message-passing-race.ts', schedule);
  t.is(result.code, 1);
  t.deepEqual(result.out.slice(-3), [
    '   3  consumer  epoll_wait(4, 1, -1) → 1 [EPOLLIN data 0]',
    '   4  consumer  load msg → 42',
    "✗ violation of no-data-race: consumer's load of 'msg' races with producer's earlier store (step 4)",
  ]);
});

test('a stale replay string says which step no longer applies and searches on', async (t) => {
  const result = await run('replay', 'message-passing-race', 'producer:write,consumer:load');
  t.is(result.code, 1);
  t.deepEqual(result.out.slice(1, 3), [
    "! step 2 'consumer:load' no longer applies: 'consumer' is at 'epoll_wait', not at 'load'",
    '! searched on from the step before it: 3 more steps reach a problem',
  ]);
});

const usage: readonly (readonly [string, readonly string[], string])[] = [
  [
    'an unknown model',
    ['check', 'no-such-model'],
    "weft: no model file or bundled model named 'no-such-model'; run 'weft list' to see the bundled models",
  ],
  [
    'a malformed bound',
    ['check', '--max-states', 'abc'],
    "weft: option '--max-states <n>' argument 'abc' is invalid. --max-states must be a positive whole number, got 'abc'; run 'weft --help' for usage",
  ],
  [
    'an unknown property',
    ['check', '--property', 'nope'],
    "weft: unknown property 'nope' in --property; use one of woken-receives-event, active-matches-readiness, ready-set-consistent, no-lost-wakeup, interest-table-consistent, causal-delivery, no-data-race, no-deadlock, assertions",
  ],
  [
    'a malformed replay string',
    ['replay', 'message-passing-race', 'garbage'],
    "weft: replay string part 1 'garbage' is not 'thread:label' or 'thread:timeout'; copy the line weft check printed",
  ],
  [
    'a replay naming a thread the model does not have',
    ['replay', 'message-passing-race', 'ghost:write'],
    "weft: replay step 1 names thread 'ghost', which model 'message-passing-race' does not " +
      'have; its threads are main, producer, consumer',
  ],
  [
    'a seed without random search',
    ['check', 'message-passing-race', '--seed', '3'],
    'weft: --seed only applies to random search; add --random N',
  ],
  [
    'an unknown command',
    ['chek'],
    "weft: unknown command 'chek' (Did you mean check?); run 'weft --help' for usage",
  ],
];

for (const [what, argv, message] of usage) {
  test(`${what} is a one-line usage error with exit code 2`, async (t) => {
    const result = await run(...argv);
    t.is(result.code, 2);
    t.deepEqual(result.err, [message]);
  });
}

test('an assertion that fails before any step is a violation, not an error', async (t) => {
  const result = await run('check', 'test/cli/early-assertion.ts');
  t.is(result.code, 0);
  t.deepEqual(result.out.slice(0, 2), [
    '✓ early-assertion: violation of assertions',
    '  worker failed assertion at assert: the worker checks its input before any call',
  ]);
});

test('replay lines carry the semantics flags the check ran under', async (t) => {
  const result = await run('check', 'two-waiters-one-event', '--mutant', 'wake-all-waiters');
  t.is(
    result.out.find((line) => line.startsWith('  replay:')),
    "  replay: npx weft replay models/two-waiters-one-event.ts 'waiter-a:epoll_wait," +
      "waiter-b:epoll_wait,writer:write' --mutant wake-all-waiters",
  );
});

test('a model written as data with a wrong field is an invalid model, not a crash', async (t) => {
  const result = await run('check', 'test/cli/broken-data-model.ts');
  t.is(result.code, 2);
  t.deepEqual(result.err, [
    "weft: model 'broken-data': thread 'main', instruction 0 (eventfd): field 'initval' must " +
      'be a whole number, not 1.5',
  ]);
});

test('a replay choice the timeout rule forbids is reported, not taken', async (t) => {
  const result = await run(
    'replay',
    'timeout-races-write',
    'waiter:epoll_wait,waiter:timeout',
    '--timeouts',
    'miri',
  );
  t.is(
    result.out[1],
    "! step 2 'waiter:timeout' no longer applies: 'waiter:timeout' cannot be taken here: under " +
      "this model's rules another choice must come first",
  );
});

test('a problem before any step replays from the empty replay string', async (t) => {
  const result = await run('replay', 'test/cli/early-assertion.ts', '');
  t.is(result.code, 1);
  t.deepEqual(result.out, [
    'early-assertion: the problem is there before any step',
    '✗ violation of assertions: worker failed assertion at assert: the worker checks its input ' +
      'before any call',
  ]);
});

test('replay and shrink refuse an invalid model with one line', async (t) => {
  for (const command of ['replay', 'shrink']) {
    const argv =
      command === 'replay'
        ? [command, 'test/cli/broken-data-model.ts', '']
        : [command, 'test/cli/broken-data-model.ts'];
    const result = await run(...argv);
    t.is(result.code, 2);
    t.deepEqual(result.err, [
      "weft: model 'broken-data' in 'test/cli/broken-data-model.ts': thread 'main', instruction " +
        "0 (eventfd): field 'initval' must be a whole number, not 1.5",
    ]);
  }
});
