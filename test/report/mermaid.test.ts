import test from 'ava';
import { model } from '../../src/index.js';
import { toMermaid } from '../../src/report/index.js';
import { expectsTwo, viewOf } from './fixture.js';

test('the diagram has a message per call and result, and the wakeup from the kernel', (t) => {
  t.is(
    toMermaid(viewOf(expectsTwo)),
    [
      'sequenceDiagram',
      '  participant T1 as consumer',
      '  participant T2 as producer',
      '  participant K as kernel',
      '  Note over T1,K: setup by main<br/>eventfd(0, EFD_NONBLOCK) → 3<br/>epoll_create1(0) → 4<br/>epoll_ctl(4, EPOLL_CTL_ADD, 3, {EPOLLIN|EPOLLET, data 7}) → 0',
      '  T1->>K: 1. epoll_wait(4, 1, -1)',
      '  K--xT1: blocks',
      '  T2->>K: 2. write(3, 1)',
      '  K-->>T2: 8',
      '  K->>T1: woken: 1 [EPOLLIN data 7]',
      '  Note over T1,K: violation of assertions<br/>consumer failed assertion at assert: the consumer receives two events',
      '',
    ].join('\n'),
  );
});

test('the diagram shows shared-memory steps as notes over their thread', (t) => {
  const racy = model('racy', (m) => {
    m.variable('x', 0);
    m.thread('a', (a) => {
      a.store('x', 1);
    });
    m.thread('b', (b) => {
      b.load('x');
    });
  });
  const lines = toMermaid(viewOf(racy)).split('\n');
  t.true(lines.includes('  Note over T1: 1. x = 1'));
  t.true(lines.includes('  Note over T2: 2. load x → 1'));
  t.false(lines.some((line) => line.includes('->>K: 1.')));
});

test('the diagram keeps names and messages from breaking its syntax', (t) => {
  const hostile = model('hostile', (m) => {
    m.thread('a;b#c<d>', (a) => {
      a.eventfd();
      a.assert(false, 'no;\nway #1 <b>');
    });
  });
  const text = toMermaid(viewOf(hostile));
  t.true(text.includes('  participant T1 as a\u037eb\uff03c\u2039d\u203a\n'));
  t.true(text.includes('no\u037e way \uff031 \u2039b\u203a'));
  t.false(/[#;]/.test(text.replace(/<br\/>/g, '')));
});
