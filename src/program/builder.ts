import { EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD, O_NONBLOCK } from '../kernel/index.js';
import { expr, lt, add, not, Ref, type Expr, type Operand } from './expr.js';
import type { Instruction } from './instruction.js';

/** An instruction under construction: jumps get their targets once the code after them exists. */
interface Draft {
  [field: string]: unknown;
  to?: number;
}

/** Options most instructions accept: a register name and an instruction label. */
export interface NameOptions {
  /** The register the result goes to; generated from the call's name when absent. */
  readonly as?: string;
  /** The label traces and replay strings use; the call's name (`write`, `write#2`) by default. */
  readonly label?: string;
}

/** The model-wide register namer: every register name is unique across threads. */
export class Names {
  private readonly used = new Map<string, number>();

  fresh(hint: string, wanted: string | undefined): string {
    const base = wanted ?? hint;
    const n = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, n);
    return wanted !== undefined || n === 1 ? base : `${base}${n}`;
  }
}

const CTL_OPS = { ADD: EPOLL_CTL_ADD, MOD: EPOLL_CTL_MOD, DEL: EPOLL_CTL_DEL } as const;

/**
 * Writes one thread's program. Each method appends an instruction and reads like the C call
 * it models; calls return a `Ref` to the register holding their result.
 */
export class ThreadBuilder {
  protected readonly code: Draft[] = [];
  private readonly labels = new Map<string, number>();
  private readonly loops: { name: string; breaks: Draft[] }[] = [];

  constructor(
    readonly name: string,
    private readonly names: Names,
  ) {}

  /** `epoll_create1(flags)`. */
  epollCreate1(flags = 0, o: NameOptions = {}): Ref {
    return this.call('epoll_create1', 'ep', o, { flags });
  }

  /** `epoll_ctl(epfd, EPOLL_CTL_<op>, fd, &{events, data})`. */
  epollCtl(
    epfd: Operand,
    op: keyof typeof CTL_OPS | number,
    fd: Operand,
    events = 0,
    data: Operand = 0n,
    o: NameOptions = {},
  ): Ref {
    const ctl = typeof op === 'number' ? op : CTL_OPS[op];
    return this.call('epoll_ctl', 'rc', o, {
      epfd: expr(epfd),
      ctl,
      fd: expr(fd),
      events,
      data: expr(data),
    });
  }

  /** `epoll_wait(epfd, events, maxevents, timeout)`; the result holds the events received. */
  epollWait(epfd: Operand, maxevents: number, timeout: number, o: NameOptions = {}): Ref {
    return this.call('epoll_wait', 'n', o, { epfd: expr(epfd), maxevents, timeout });
  }

  /** `eventfd(initval, flags)`. */
  eventfd(initval = 0, flags = 0, o: NameOptions = {}): Ref {
    return this.call('eventfd', 'efd', o, { initval, flags });
  }

  /** `socketpair(AF_UNIX, SOCK_STREAM | flags, 0, fds)`; the fds are `.fd0` and `.fd1`. */
  socketpair(flags = 0, o: NameOptions = {}): Ref {
    return this.call('socketpair', 'sv', o, { flags });
  }

  /** `pipe2(fds, flags)`; `.fd0` is the read end, `.fd1` the write end. */
  pipe(flags = 0, o: NameOptions = {}): Ref {
    return this.call('pipe', 'pipefd', o, { flags });
  }

  /** `read(fd, buf, 8)` on an eventfd; the counter is in `.value`. */
  read(fd: Operand, o: NameOptions = {}): Ref {
    return this.readBytes(fd, 8, o);
  }

  /** `read(fd, buf, len)`: on a socket, the bytes read are in `.ret`. */
  readBytes(fd: Operand, len: number, o: NameOptions = {}): Ref {
    return this.call('read', 'r', o, { fd: expr(fd), len });
  }

  /** `write(fd, &value, 8)` on an eventfd. */
  write(fd: Operand, value: Operand = 1n, o: NameOptions = {}): Ref {
    return this.call('write', 'w', o, { fd: expr(fd), len: 8, value: expr(value) });
  }

  /** `write(fd, buf, len)` on a socket or pipe: the bytes written are in `.ret`. */
  writeBytes(fd: Operand, len: number, o: NameOptions = {}): Ref {
    return this.call('write', 'w', o, { fd: expr(fd), len, value: expr(0n) });
  }

  /** `dup(fd)`. */
  dup(fd: Operand, o: NameOptions = {}): Ref {
    return this.call('dup', 'fd', o, { fd: expr(fd) });
  }

  /** `close(fd)`. */
  close(fd: Operand, o: NameOptions = {}): Ref {
    return this.call('close', 'rc', o, { fd: expr(fd) });
  }

  /** `fcntl(fd, F_SETFL, on ? O_NONBLOCK : 0)`. */
  setNonblocking(fd: Operand, on: boolean, o: NameOptions = {}): Ref {
    return this.call('fcntl_setfl', 'rc', o, { fd: expr(fd), flags: on ? O_NONBLOCK : 0 });
  }

  /** A plain, non-atomic store to a shared variable. */
  store(variable: string, value: Operand, o: Pick<NameOptions, 'label'> = {}): void {
    this.emit({ op: 'store', variable, value: expr(value) }, o.label ?? 'store');
  }

  /** A plain, non-atomic load of a shared variable. */
  load(variable: string, o: NameOptions = {}): Ref {
    const dst = this.names.fresh(variable, o.as);
    this.emit({ op: 'load', variable, dst }, o.label ?? 'load');
    return new Ref(dst);
  }

  /** A local register assignment, invisible to other threads. */
  set(value: Operand, o: NameOptions = {}): Ref {
    const dst = this.names.fresh('v', o.as);
    this.emit({ op: 'set', dst, value: expr(value) }, o.label ?? 'set');
    return new Ref(dst);
  }

  /** Fails the check (invariant 9) when `cond` is false at this point. */
  assert(cond: Operand, message: string, o: Pick<NameOptions, 'label'> = {}): void {
    this.emit({ op: 'assert', cond: expr(cond), message }, o.label ?? 'assert');
  }

  /** Waits for thread `thread` to finish, then happens after all it did. */
  join(thread: string, o: Pick<NameOptions, 'label'> = {}): void {
    this.emit({ op: 'join', thread }, o.label ?? 'join');
  }

  /** `if (cond) { then } else { otherwise }`. */
  if(cond: Operand, then: () => void, otherwise?: () => void): void {
    const toElse = this.emit({ op: 'jump', to: -1, when: not(cond) }, 'if');
    then();
    if (otherwise === undefined) {
      toElse.to = this.code.length;
      return;
    }
    const toEnd = this.emit({ op: 'jump', to: -1 }, 'else');
    toElse.to = this.code.length;
    otherwise();
    toEnd.to = this.code.length;
  }

  /**
   * A loop named `name` that runs `body` at most `bound` times; leave it with `break`. A path
   * that would start pass `bound + 1` ends with the loop's bound reached.
   */
  loop(name: string, bound: number, body: () => void): void {
    this.loopWith(name, bound, null, body);
  }

  /** `while (cond) { body }`, at most `bound` passes. */
  while(name: string, bound: number, cond: Operand, body: () => void): void {
    this.loopWith(name, bound, expr(cond), body);
  }

  /**
   * Runs `body` once per event record an `epoll_wait` returned, in delivery order, with the
   * record's `events` and `data`. `bound` is the largest count it can hold (its maxevents).
   */
  forEachEvent(
    name: string,
    result: Ref,
    bound: number,
    body: (event: { readonly events: Expr; readonly data: Expr; readonly index: Ref }) => void,
  ): void {
    const index = this.set(0, { as: `${name}.i`, label: `${name}.init` });
    this.while(name, bound, lt(index, result.count), () => {
      body({ ...result.event(index), index });
      this.emit({ op: 'set', dst: index.name, value: add(index, 1) }, `${name}.next`);
    });
  }

  /** Leaves the innermost loop; when `cond` is given, only if it holds. */
  break(cond?: Operand): void {
    const loop = this.loops.at(-1);
    if (loop === undefined) throw new Error(`thread ${this.name}: break outside a loop`);
    const jump =
      cond === undefined
        ? this.emit({ op: 'jump', to: -1 }, `${loop.name}.break`)
        : this.emit({ op: 'jump', to: -1, when: expr(cond) }, `${loop.name}.break`);
    loop.breaks.push(jump);
  }

  /** The finished program. */
  program(): readonly Instruction[] {
    // Each method above fixes its shape; validation checks it again for models written as data.
    return this.code.map((i) => ({ ...i }) as unknown as Instruction);
  }

  private loopWith(name: string, bound: number, cond: Expr | null, body: () => void): void {
    const counter = this.names.fresh(`${name}.passes`, undefined);
    this.emit({ op: 'set', dst: counter, value: expr(0) }, `${name}.start`);
    const head = this.code.length;
    const loop =
      cond === null
        ? this.emit({ op: 'loop', name, bound, counter, exit: -1 }, name)
        : this.emit({ op: 'loop', name, bound, counter, while: cond, exit: -1 }, name);
    const breaks: Draft[] = [];
    this.loops.push({ name, breaks });
    body();
    this.loops.pop();
    this.emit({ op: 'jump', to: head }, `${name}.again`);
    loop['exit'] = this.code.length;
    for (const jump of breaks) jump.to = this.code.length;
  }

  private call(op: string, hint: string, o: NameOptions, args: Record<string, unknown>): Ref {
    const dst = this.names.fresh(hint, o.as);
    this.emit({ op, ...args, dst }, o.label ?? op);
    return new Ref(dst);
  }

  private emit(i: Record<string, unknown>, label: string): Draft {
    const n = (this.labels.get(label) ?? 0) + 1;
    this.labels.set(label, n);
    const instruction = { ...i, label: n === 1 ? label : `${label}#${n}` } as Draft;
    this.code.push(instruction);
    return instruction;
  }
}
