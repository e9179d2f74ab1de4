import { fc, testProp } from '@fast-check/ava';
import test from 'ava';
import closeWhileBlockedRead from '../../models/close-while-blocked-read.js';
import messagePassingRace from '../../models/message-passing-race.js';
import {
  enabledChoices,
  findingAlong,
  start,
  step,
  threadId,
  type Choice,
} from '../../src/index.js';
import { scheduleSwitches, shrinkSchedule } from '../../src/shrink/index.js';
import { choicesOf, noisyRace, replayOf } from './models.js';

const MINIMAL_RACE = 'producer:write,producer:store,consumer:epoll_wait,consumer:load';

/** The noisy model's consumer runs the call inside its `if` before it loads. */
const MINIMAL_NOISY_RACE =
  'producer:write,producer:store,consumer:epoll_wait,consumer:inside,consumer:load';

/** A counterexample padded with noise steps, whose race shows only at its seventh step. */
const LONG_RACE = [
  'noise-a:eventfd',
  'consumer:epoll_wait',
  'noise-b:eventfd',
  'noise-a:dup',
  'producer:write',
  'noise-c:eventfd',
  'consumer:inside',
  'noise-b:dup',
  'consumer:load',
  'noise-a:close',
  'producer:store',
  'consumer:after',
  'noise-c:dup',
].join(',');

test('findingAlong returns the first finding and the index of its transition', (t) => {
  const found = findingAlong(noisyRace, choicesOf(noisyRace, LONG_RACE));
  t.is(found?.index, 10);
  t.is(found?.finding.kind, 'violation');
  t.like(found?.finding, { property: 'no-data-race' });
});

test('findingAlong judges the end of a path as the search does', (t) => {
  const schedule = choicesOf(closeWhileBlockedRead, 'reader:read,closer:close');
  t.like(findingAlong(closeWhileBlockedRead, schedule), {
    index: 1,
    finding: { kind: 'violation', property: 'no-deadlock' },
  });
});

test('findingAlong stops at a choice that is not enabled', (t) => {
  const blocked = choicesOf(messagePassingRace, 'consumer:epoll_wait');
  const again: Choice[] = [...blocked, ...blocked, ...choicesOf(messagePassingRace, MINIMAL_RACE)];
  t.is(findingAlong(messagePassingRace, again), null);
  t.is(findingAlong(messagePassingRace, [{ kind: 'step', thread: threadId(9) }]), null);
});

test('findingAlong finds nothing along a schedule that stays clear of every property', (t) => {
  t.is(findingAlong(noisyRace, choicesOf(noisyRace, 'noise-a:eventfd,producer:write')), null);
});

test('a long counterexample shrinks to the minimal one', (t) => {
  const long = choicesOf(noisyRace, LONG_RACE);
  const { schedule, tries } = shrinkSchedule(noisyRace, long, 'no-data-race');
  t.is(replayOf(noisyRace, schedule), MINIMAL_NOISY_RACE);
  t.true(tries > 1);
  t.deepEqual(shrinkSchedule(noisyRace, long, 'no-data-race'), { schedule, tries });
});

test('shrinking regroups the steps of a thread to remove thread switches', (t) => {
  const switching = choicesOf(
    messagePassingRace,
    'consumer:epoll_wait,producer:write,producer:store,consumer:load',
  );
  const { schedule } = shrinkSchedule(messagePassingRace, switching, 'no-data-race');
  t.is(replayOf(messagePassingRace, schedule), MINIMAL_RACE);
  t.is(scheduleSwitches(switching), 2);
  t.is(scheduleSwitches(schedule), 1);
});

test('a schedule that does not violate the property comes back unchanged', (t) => {
  const long = choicesOf(noisyRace, LONG_RACE);
  t.deepEqual(shrinkSchedule(noisyRace, long, 'no-deadlock'), { schedule: long, tries: 1 });
});

test('shrinking replays no more candidates than maxTries', (t) => {
  const long = choicesOf(noisyRace, LONG_RACE);
  const { schedule, tries } = shrinkSchedule(noisyRace, long, 'no-data-race', { maxTries: 5 });
  t.is(tries, 5);
  t.true(schedule.length < long.length);
  t.like(findingAlong(noisyRace, schedule), {
    index: schedule.length - 1,
    finding: { property: 'no-data-race' },
  });
});

/** Walks the noisy race model taking choice `index mod n` at each state. */
function walk(indices: readonly number[]): Choice[] {
  const begun = start(noisyRace);
  if (begun.kind === 'failed') throw new Error(begun.reason);
  let state = begun.state;
  const schedule: Choice[] = [];
  for (const index of indices) {
    const choices = enabledChoices(noisyRace, state);
    const choice = choices[index % Math.max(choices.length, 1)];
    if (choice === undefined) break;
    schedule.push(choice);
    state = step(noisyRace, state, choice).state;
  }
  return schedule;
}

testProp(
  'a shrunk race is never larger and still ends at a race',
  [fc.array(fc.nat(), { minLength: 10, maxLength: 30 })],
  (t, indices) => {
    const schedule = walk(indices);
    const found = findingAlong(noisyRace, schedule);
    if (found?.finding.kind !== 'violation' || found.finding.property !== 'no-data-race') {
      t.pass();
      return;
    }
    const shrunk = shrinkSchedule(noisyRace, schedule, 'no-data-race').schedule;
    t.is(replayOf(noisyRace, shrunk), MINIMAL_NOISY_RACE);
    t.true(shrunk.length <= found.index + 1);
  },
  { numRuns: 30 },
);
