import {
  formatEvents,
  type BlockedOn,
  type Description,
  type Interest,
  type InterestKey,
  threadId,
  type ThreadId,
} from '../kernel/index.js';
import type { MachineState } from '../machine/index.js';
import type { Model } from '../program/index.js';
import { threadName } from './counterexample.js';
import { formatValue } from './values.js';

/** One interest of an epoll instance, every field as text. */
export interface InterestView {
  readonly key: string;
  readonly relevant: string;
  readonly active: string;
  readonly data: string;
  readonly clock: string;
}

/** One live file description: a title (`epoll (id 5)`), its facts as pairs, and its interests. */
export interface DescriptionView {
  readonly id: number;
  readonly title: string;
  readonly facts: readonly (readonly [string, string])[];
  /** Empty for anything but an epoll instance. */
  readonly interests: readonly InterestView[];
}

/** One thread as the kernel and the machine see it. */
export interface ThreadView {
  readonly name: string;
  readonly status: string;
  readonly clock: string;
  /** The call it is blocked in, or null. */
  readonly blocked: string | null;
}

/** A state's kernel as text, ready for any rendering: every part named in the glossary's words. */
export interface KernelView {
  readonly threads: readonly ThreadView[];
  readonly fds: readonly { readonly fd: number; readonly description: string }[];
  readonly descriptions: readonly DescriptionView[];
  /** Ids of descriptions destroyed so far; ids are never reused. */
  readonly freed: readonly number[];
  readonly interestTable: readonly { readonly watched: string; readonly epolls: string }[];
  readonly variables: readonly { readonly name: string; readonly value: string }[];
}

/** The kernel, threads and shared variables of `state`, as text. */
export function kernelView(model: Model, state: MachineState): KernelView {
  const k = state.kernel;
  const name = (t: ThreadId): string => threadName(model, t);
  const title = (id: number): string => {
    const d = k.descriptions[id];
    if (d === null || d === undefined) return `id ${id} (freed)`;
    return d.kind === 'stdio' ? d.name : `${kindName(d)} (id ${id})`;
  };
  return {
    threads: state.threads.map((th, t) => ({
      name: name(threadId(t)),
      status: th.status,
      clock: formatClock(k.threads[t]?.clock ?? []),
      blocked: blockedText(k.threads[t]?.blocked ?? null, title),
    })),
    fds: k.fds.flatMap((id, fd) => (id === null ? [] : [{ fd, description: title(id) }])),
    descriptions: k.descriptions.flatMap((d) =>
      d === null || d.kind === 'stdio' ? [] : [describe(d, name)],
    ),
    freed: k.descriptions.flatMap((d, id) => (d === null ? [id] : [])),
    interestTable: k.interestTable.map((e) => ({
      watched: title(e.watched),
      epolls: e.epolls.map(title).join(', '),
    })),
    variables: model.variables.map((v, i) => ({
      name: v.name,
      value: formatValue(state.variables[i]?.value ?? v.initial),
    })),
  };
}

/** A vector clock as `[1, 2, 0]`. */
export function formatClock(clock: readonly number[]): string {
  return `[${clock.join(', ')}]`;
}

/** An interest key as `id 3, fd 3`. */
export function formatKey(key: InterestKey): string {
  return `id ${key.id}, fd ${key.fd}`;
}

function kindName(d: Description): string {
  switch (d.kind) {
    case 'epoll':
    case 'eventfd':
      return d.kind;
    case 'socket':
      return d.flavour === 'socketpair' ? 'socketpair' : d.flavour.replace('-', ' ') + ' end';
    case 'stdio':
      return d.name;
  }
}

function blockedText(on: BlockedOn | null, title: (id: number) => string): string | null {
  if (on === null) return null;
  if (on.kind === 'epoll_wait') return `epoll_wait on ${title(on.epoll)}`;
  return `${on.kind} on ${title(on.id)}`;
}

function describe(
  d: Exclude<Description, { kind: 'stdio' }>,
  name: (t: ThreadId) => string,
): DescriptionView {
  const threads = (ts: readonly ThreadId[]): string =>
    ts.length === 0 ? 'none' : ts.map(name).join(', ');
  const base = { id: d.id, title: `${kindName(d)} (id ${d.id})` };
  switch (d.kind) {
    case 'epoll':
      return {
        ...base,
        facts: [
          ['refs', String(d.refs)],
          [
            'ready set',
            d.ready.length === 0 ? 'empty' : d.ready.map((r) => `(${formatKey(r)})`).join(' '),
          ],
          ['wait queue', d.queue.length === 0 ? 'empty' : d.queue.map(name).join(', ')],
        ],
        interests: d.interests.map(interestView),
      };
    case 'eventfd':
      return {
        ...base,
        facts: [
          ['refs', String(d.refs)],
          ['counter', String(d.counter)],
          ['nonblocking', String(d.nonblocking)],
          ['blocked readers', threads(d.readers)],
          ['blocked writers', threads(d.writers)],
        ],
        interests: [],
      };
    case 'socket':
      return {
        ...base,
        facts: [
          ['refs', String(d.refs)],
          ['peer', String(d.peer)],
          ['buffered', d.buffered === null ? 'no buffer' : `${d.buffered} bytes`],
          ['nonblocking', String(d.nonblocking)],
          ['lost data', String(d.lostData)],
          ['blocked readers', threads(d.readers)],
          ['blocked writers', threads(d.writers)],
        ],
        interests: [],
      };
  }
}

function interestView(i: Interest): InterestView {
  return {
    key: formatKey(i.key),
    relevant: formatEvents(i.relevant),
    active: formatEvents(i.active),
    data: String(i.data),
    clock: formatClock(i.clock),
  };
}
