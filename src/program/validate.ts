import { MUTANTS } from '../kernel/index.js';
import type { Expr } from './expr.js';
import { destination, type Instruction } from './instruction.js';
import type { Model, ThreadSpec } from './model.js';
import { shapeProblems } from './shape.js';

/** One reason a model cannot be checked, with where it is and how to fix it. */
export interface ModelProblem {
  readonly thread: string | null;
  readonly index: number | null;
  readonly label: string | null;
  readonly message: string;
}

/** Formats a problem as one line: `thread 'consumer', instruction 3 (read): ...`. */
export function formatProblem(p: ModelProblem): string {
  const where: string[] = [];
  if (p.thread !== null) where.push(`thread '${p.thread}'`);
  if (p.index !== null)
    where.push(`instruction ${p.index}${p.label === null ? '' : ` (${p.label})`}`);
  return where.length === 0 ? p.message : `${where.join(', ')}: ${p.message}`;
}

const SYSCALLS = new Set([
  'epoll_create1',
  'epoll_ctl',
  'epoll_wait',
  'eventfd',
  'socketpair',
  'pipe',
  'read',
  'write',
  'dup',
  'close',
  'fcntl_setfl',
]);
const OTHERS = new Set(['store', 'load', 'join', 'set', 'assert', 'jump', 'loop']);

const fitsI32 = (n: number): boolean => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31;

/** Every register name an expression reads. */
export function registersRead(e: Expr, into: string[] = []): string[] {
  switch (e.k) {
    case 'lit':
    case 'var':
      return into;
    case 'reg':
      into.push(e.name);
      return into;
    case 'field':
      into.push(e.of);
      return into;
    case 'event':
      into.push(e.of);
      return registersRead(e.index, into);
    case 'pick':
      registersRead(e.index, into);
      for (const f of e.from) registersRead(f, into);
      return into;
    case 'bin':
      registersRead(e.a, into);
      return registersRead(e.b, into);
    case 'not':
      return registersRead(e.a, into);
  }
}

function readsVariable(e: Expr): boolean {
  switch (e.k) {
    case 'var':
      return true;
    case 'event':
      return readsVariable(e.index);
    case 'pick':
      return readsVariable(e.index) || e.from.some(readsVariable);
    case 'bin':
      return readsVariable(e.a) || readsVariable(e.b);
    case 'not':
      return readsVariable(e.a);
    default:
      return false;
  }
}

/** The expressions an instruction evaluates. */
export function operands(i: Instruction): Expr[] {
  switch (i.op) {
    case 'epoll_ctl':
      return [i.epfd, i.fd, i.data];
    case 'epoll_wait':
      return [i.epfd];
    case 'read':
    case 'dup':
    case 'close':
    case 'fcntl_setfl':
      return [i.fd];
    case 'write':
      return [i.fd, i.value];
    case 'store':
    case 'set':
      return [i.value];
    case 'assert':
      return [i.cond];
    case 'jump':
      return i.when === undefined ? [] : [i.when];
    case 'loop':
      return i.while === undefined ? [] : [i.while];
    default:
      return [];
  }
}

/** The instructions control can reach next from instruction `pc`. */
export function successors(program: readonly Instruction[], pc: number): number[] {
  const i = program[pc];
  if (i === undefined) return [];
  if (i.op === 'loop') return i.while === undefined ? [pc + 1] : [pc + 1, i.exit];
  if (i.op !== 'jump') return [pc + 1];
  return i.when === undefined ? [i.to] : [pc + 1, i.to];
}

/**
 * The registers certainly written before each instruction runs, whatever path led there:
 * `result[pc]` (null where no path reaches).
 */
function definitelySet(program: readonly Instruction[], entry: ReadonlySet<string>) {
  const before: (Set<string> | null)[] = Array.from({ length: program.length + 1 }, () => null);
  before[0] = new Set(entry);
  const work = [0];
  for (let budget = program.length * program.length + 16; work.length > 0 && budget > 0; budget--) {
    const pc = work.pop() ?? 0;
    const here = before[pc];
    const instruction = program[pc];
    if (here === null || here === undefined || instruction === undefined) continue;
    const after = new Set(here);
    const dst = destination(instruction);
    if (dst !== null) after.add(dst);
    for (const next of successors(program, pc)) {
      if (next > program.length) continue;
      const there = before[next];
      const merged = there === null || there === undefined ? after : intersect(there, after);
      if (there === null || there === undefined || merged.size !== there.size) {
        before[next] = merged;
        work.push(next);
      }
    }
  }
  return before;
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  return new Set([...a].filter((x) => b.has(x)));
}

function checkInstruction(
  model: Model,
  thread: ThreadSpec,
  pc: number,
  known: ReadonlySet<string>,
): string[] {
  const i = thread.program[pc];
  if (i === undefined) return [];
  const problems: string[] = [];
  if (!SYSCALLS.has(i.op) && !OTHERS.has(i.op)) {
    problems.push(
      `unknown instruction '${i.op}'; use one of ${[...SYSCALLS, ...OTHERS].join(', ')}`,
    );
    return problems;
  }
  if (
    (i.op === 'store' || i.op === 'load') &&
    !model.variables.some((v) => v.name === i.variable)
  ) {
    problems.push(
      `shared variable '${i.variable}' is not declared; declare it with ` +
        `m.variable('${i.variable}')`,
    );
  }
  if (i.op === 'join') {
    if (i.thread === thread.name) problems.push(`thread '${i.thread}' cannot join itself`);
    else if (!model.threads.some((t) => t.name === i.thread)) {
      problems.push(
        `joins unknown thread '${i.thread}'; name one of ` +
          model.threads.map((t) => t.name).join(', '),
      );
    }
  }
  if (i.op === 'jump') {
    if (!Number.isInteger(i.to) || i.to < 0 || i.to > thread.program.length) {
      problems.push(`jumps to ${i.to}, outside the program (0 to ${thread.program.length})`);
    } else if (i.to <= pc && thread.program[i.to]?.op !== 'loop') {
      problems.push(
        `jumps back to instruction ${i.to}, which is not a loop head: the loop is unbounded; ` +
          `write it with loop(name, bound, body)`,
      );
    }
  }
  if (
    i.op === 'loop' &&
    (!Number.isInteger(i.exit) || i.exit <= pc || i.exit > thread.program.length)
  ) {
    problems.push(`loop '${i.name}' exits to ${i.exit}; give an instruction after the loop head`);
  }
  if ((i.op === 'read' || i.op === 'write') && (!fitsI32(i.len) || i.len < 0)) {
    problems.push(`length ${i.len} is not a byte count; give 0 to 2^31 - 1`);
  }
  if (i.op === 'epoll_wait' && (!fitsI32(i.maxevents) || !fitsI32(i.timeout))) {
    problems.push('maxevents and timeout are C ints; give values from -2^31 to 2^31 - 1');
  }
  const u64 = i.op === 'write' ? i.value : i.op === 'epoll_ctl' ? i.data : null;
  if (u64?.k === 'lit' && typeof u64.v === 'bigint' && (u64.v < 0n || u64.v >= 1n << 64n)) {
    problems.push(`value ${u64.v} does not fit in a u64; give 0 to 2^64 - 1`);
  }
  if (i.op === 'loop' && (!Number.isInteger(i.bound) || i.bound < 1)) {
    problems.push(
      `loop '${i.name}' has bound ${i.bound}; give it a whole number of passes, at least 1`,
    );
  }
  for (const e of operands(i)) {
    for (const name of registersRead(e)) {
      if (!known.has(name)) {
        problems.push(
          `register '${name}' is read before it is set on every path; set it earlier or in the ` +
            `setup`,
        );
      }
    }
    if (readsVariable(e)) {
      problems.push(
        `reads a shared variable inside an expression; load it into a register with load()`,
      );
    }
  }
  return problems;
}

function checkOptions(model: Model): string[] {
  const o = model.options;
  const problems: string[] = [];
  if (o.eventfdLimit < 1n || o.eventfdLimit > (1n << 64n) - 2n) {
    problems.push(`eventfdLimit ${o.eventfdLimit} is out of range; use 1 to 2^64 - 2`);
  }
  if (!Number.isInteger(o.socketCapacity) || o.socketCapacity < 1) {
    problems.push(`socketCapacity ${o.socketCapacity} is not a positive whole number of bytes`);
  }
  // Models written as data may carry any text here, whatever the types say.
  const rule: string = o.timeouts;
  if (rule !== 'any' && rule !== 'miri') {
    problems.push(`timeout rule '${rule}' is unknown; use 'any' or 'miri'`);
  }
  if (o.mutant !== null && !MUTANTS.includes(o.mutant)) {
    problems.push(`mutant '${o.mutant}' is unknown; use one of ${MUTANTS.join(', ')}`);
  }
  return problems;
}

/** Checks a model before it runs; returns every problem found (none for a sound model). */
export function validateModel(model: Model): ModelProblem[] {
  const shape = shapeProblems(model);
  if (shape.length > 0) return shape;
  const problems: ModelProblem[] = [];
  const general = (message: string) =>
    problems.push({ thread: null, index: null, label: null, message });
  if (model.threads.length === 0 || model.threads[0]?.name !== 'main') {
    general("the first thread must be 'main', which runs the setup");
    return problems;
  }
  const names = model.threads.map((t) => t.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined)
    general(`two threads are named '${twice}'; give each thread its own name`);
  for (const message of checkOptions(model)) general(message);

  const main = model.threads[0];
  const mainBefore = definitelySet(main.program, new Set());
  const global = new Set(mainBefore[model.setup] ?? []);
  for (const thread of model.threads) {
    const labels = new Set<string>();
    const before = definitelySet(thread.program, thread === main ? new Set() : global);
    thread.program.forEach((instruction, pc) => {
      if (labels.has(instruction.label)) {
        problems.push({
          thread: thread.name,
          index: pc,
          label: instruction.label,
          message:
            `label '${instruction.label}' is used twice in this thread; labels name steps ` +
            `in replay strings, so make it unique`,
        });
      }
      labels.add(instruction.label);
      const known = before[pc];
      if (known === null || known === undefined) return;
      for (const message of checkInstruction(model, thread, pc, known)) {
        problems.push({ thread: thread.name, index: pc, label: instruction.label, message });
      }
    });
  }
  return problems;
}
