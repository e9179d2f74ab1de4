import test from 'ava';
import { checkModel } from '../../src/testing.js';
import waker from './waker-model.js';
import wrongWaker from './wrong-waker-model.js';

test('a correct event loop model passes', (t) => {
  const report = checkModel(waker, { file: 'test/examples/waker-model.ts' });
  t.true(report.ok, report.text);
  t.is(report.verdict.kind, 'pass');
});

test('a wrong model fails with its trace and replay line', (t) => {
  const report = checkModel(wrongWaker, { file: 'test/examples/wrong-waker-model.ts' });
  t.false(report.ok);
  t.is(
    report.text.split('\n').at(-1),
    '  replay: npx weft replay test/examples/wrong-waker-model.ts ' +
      "'producer-a:write,producer-b:write,consumer:epoll_wait,consumer:read'",
  );
});
