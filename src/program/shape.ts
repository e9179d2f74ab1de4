import type { ModelProblem } from './validate.js';

/**
 * The fields each instruction must have, with their kinds: `n` a finite integer, `s` a
 * non-empty string, `e` an expression object. Checked before anything reads a model written as
 * data, so that a wrong field is reported, never a crash.
 */
const FIELDS: Readonly<Record<string, Readonly<Record<string, 'n' | 's' | 'e'>>>> = {
  epoll_create1: { flags: 'n', dst: 's' },
  epoll_ctl: { epfd: 'e', ctl: 'n', fd: 'e', events: 'n', data: 'e', dst: 's' },
  epoll_wait: { epfd: 'e', maxevents: 'n', timeout: 'n', dst: 's' },
  eventfd: { initval: 'n', flags: 'n', dst: 's' },
  socketpair: { flags: 'n', dst: 's' },
  pipe: { flags: 'n', dst: 's' },
  read: { fd: 'e', len: 'n', dst: 's' },
  write: { fd: 'e', len: 'n', value: 'e', dst: 's' },
  dup: { fd: 'e', dst: 's' },
  close: { fd: 'e', dst: 's' },
  fcntl_setfl: { fd: 'e', flags: 'n', dst: 's' },
  store: { variable: 's', value: 'e' },
  load: { variable: 's', dst: 's' },
  join: { thread: 's' },
  set: { dst: 's', value: 'e' },
  assert: { cond: 'e', message: 's' },
  jump: { to: 'n' },
  loop: { name: 's', bound: 'n', counter: 's', exit: 'n' },
};

const EXPRESSION_KINDS = new Set(['lit', 'reg', 'field', 'event', 'pick', 'var', 'bin', 'not']);
const OPERATORS = new Set(['==', '!=', '<', '<=', '>', '>=', '&&', '||', '+', '-', '&']);
const FIELDS_OF_RESULTS = new Set(['ret', 'errno', 'value', 'count', 'fd0', 'fd1']);

/** A model's name becomes a report's file name: plain characters only. */
const NAME = /^[A-Za-z0-9_.#-]+$/;

/**
 * Thread names and labels make up replay strings (`thread:label,...`), pasted inside single
 * quotes: no separators, quotes, backslashes or white space.
 */
const PART = /^[^\s:,'"\\]+$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** What is wrong with an expression's shape, or null. */
function expressionProblem(e: unknown): string | null {
  if (!isRecord(e) || typeof e['k'] !== 'string' || !EXPRESSION_KINDS.has(e['k'])) {
    return 'an expression must be an object built with eq(), ne(), a register, or a literal';
  }
  switch (e['k']) {
    case 'lit': {
      const v = e['v'];
      const ok = ['number', 'bigint', 'boolean', 'string'].includes(typeof v);
      return ok ? null : 'a literal must be a number, bigint, boolean or string';
    }
    case 'reg':
    case 'var':
      return typeof e['name'] === 'string' ? null : 'a register or variable needs a name';
    case 'field':
      return typeof e['of'] === 'string' && FIELDS_OF_RESULTS.has(String(e['field']))
        ? null
        : `a result field must be one of ${[...FIELDS_OF_RESULTS].join(', ')}`;
    case 'event':
      return typeof e['of'] === 'string' && (e['field'] === 'events' || e['field'] === 'data')
        ? expressionProblem(e['index'])
        : "an event field must be 'events' or 'data'";
    case 'pick':
      if (!Array.isArray(e['from'])) return 'pick needs a list to pick from';
      return (
        [e['index'], ...(e['from'] as unknown[])].map(expressionProblem).find((p) => p !== null) ??
        null
      );
    case 'bin':
      if (!OPERATORS.has(String(e['op']))) {
        return `operator '${String(e['op'])}' is unknown; use one of ${[...OPERATORS].join(' ')}`;
      }
      return expressionProblem(e['a']) ?? expressionProblem(e['b']);
    default:
      return expressionProblem(e['a']);
  }
}

/** What is wrong with one instruction's shape, or null. */
function instructionProblem(i: unknown): string | null {
  if (!isRecord(i)) return 'an instruction must be an object';
  const fields = FIELDS[String(i['op'])];
  if (fields === undefined) {
    return `unknown instruction '${String(i['op'])}'; use one of ${Object.keys(FIELDS).join(', ')}`;
  }
  if (typeof i['label'] !== 'string' || !PART.test(i['label'])) {
    return (
      'its label must be non-empty, without spaces, quotes, backslashes, commas or colons ' +
      '(it names the step in replay strings)'
    );
  }
  for (const [field, kind] of Object.entries(fields)) {
    const v = i[field];
    if (kind === 'n' && !isInteger(v))
      return `field '${field}' must be a whole number, not ${String(v)}`;
    if (kind === 's' && (typeof v !== 'string' || v === ''))
      return `field '${field}' must be a non-empty string`;
    if (kind === 'e') {
      const problem = expressionProblem(v);
      if (problem !== null) return `field '${field}': ${problem}`;
    }
  }
  if (i['op'] === 'jump' && i['when'] !== undefined) return expressionProblem(i['when']);
  if (i['op'] === 'loop' && i['while'] !== undefined) return expressionProblem(i['while']);
  return null;
}

/**
 * Checks that a model written as data has the shape of one: names, threads, programs,
 * instruction fields, expressions, options and bounds. Runs before any other check.
 */
export function shapeProblems(model: unknown): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const general = (message: string) =>
    problems.push({ thread: null, index: null, label: null, message });
  if (!isRecord(model))
    return [
      {
        thread: null,
        index: null,
        label: null,
        message: 'a model must be an object made with model(name, body)',
      },
    ];
  if (typeof model['name'] !== 'string' || !NAME.test(model['name'])) {
    general(
      "the model's name must be letters, digits, '.', '_', '-' or '#'; it names report files",
    );
  }
  if (!Array.isArray(model['threads']) || model['threads'].length === 0) {
    general("a model needs a list of threads, 'main' first");
    return problems;
  }
  for (const thread of model['threads'] as unknown[]) {
    if (!isRecord(thread) || typeof thread['name'] !== 'string' || !PART.test(thread['name'])) {
      general(
        'each thread needs a name without spaces, quotes, backslashes, commas or colons ' +
          '(it names the thread in replay strings)',
      );
      continue;
    }
    const name = thread['name'];
    if (typeof thread['mayEndBlocked'] !== 'boolean') {
      problems.push({
        thread: name,
        index: null,
        label: null,
        message: 'mayEndBlocked must be true or false',
      });
    }
    if (!Array.isArray(thread['program'])) {
      problems.push({
        thread: name,
        index: null,
        label: null,
        message: 'its program must be a list of instructions',
      });
      continue;
    }
    (thread['program'] as unknown[]).forEach((i, index) => {
      const message = instructionProblem(i);
      const label = isRecord(i) && typeof i['label'] === 'string' ? i['label'] : null;
      if (message !== null) problems.push({ thread: name, index, label, message });
    });
  }
  if (!isInteger(model['setup']) || model['setup'] < 0)
    general('setup must be a whole number of instructions, 0 or more');
  if (!Array.isArray(model['variables']) || !Array.isArray(model['finals'])) {
    general('variables and finals must be lists (empty when unused)');
  } else {
    for (const final of model['finals'] as unknown[]) {
      const problem = isRecord(final) ? expressionProblem(final['cond']) : 'it must be an object';
      if (problem !== null || typeof (final as Record<string, unknown>)['message'] !== 'string') {
        general(
          'each final condition needs a cond expression and a message: ' +
            (problem ?? 'message missing'),
        );
      }
    }
    for (const v of model['variables'] as unknown[]) {
      const initial = isRecord(v) ? v['initial'] : undefined;
      if (
        !isRecord(v) ||
        typeof v['name'] !== 'string' ||
        (typeof initial !== 'number' && typeof initial !== 'bigint')
      ) {
        general('each shared variable needs a name and a number or bigint initial value');
      }
    }
    const names = (model['variables'] as unknown[]).map((v) =>
      isRecord(v) && typeof v['name'] === 'string' ? v['name'] : '',
    );
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice !== undefined)
      general(`shared variable '${twice}' is declared twice; declare each once`);
  }
  const options = model['options'];
  if (!isRecord(options)) general('options must be an object; start from DEFAULT_OPTIONS');
  else {
    const flags: readonly (readonly [string, readonly unknown[]])[] = [
      ['shortWrites', [true, false]],
      ['debugAssertions', [true, false, undefined]],
      ['clocks', ['auto', 'exact', undefined]],
    ];
    for (const [key, allowed] of flags) {
      if (!allowed.includes(options[key])) {
        general(
          `option '${key}' is ${String(options[key])}; use one of ` +
            allowed.map(String).join(', '),
        );
      }
    }
    const known = new Set([
      'eventfdLimit',
      'socketCapacity',
      'mutant',
      'timeouts',
      ...flags.map(([k]) => k),
    ]);
    const unknown = Object.keys(options).find((key) => !known.has(key));
    if (unknown !== undefined)
      general(`option '${unknown}' is unknown; use ${[...known].join(', ')}`);
  }
  const bounds = model['bounds'];
  if (!isRecord(bounds)) general('bounds must be an object (empty for the defaults)');
  else {
    for (const [key, value] of Object.entries(bounds)) {
      if (!['states', 'depth', 'seconds'].includes(key))
        general(`bound '${key}' is unknown; use states, depth or seconds`);
      else if (typeof value !== 'number' || !(value > 0))
        general(`bound '${key}' must be a positive number, not ${String(value)}`);
    }
  }
  const expect = model['expect'];
  if (
    !isRecord(expect) ||
    !['pass', 'violation', 'unsupported'].includes(String(expect['verdict']))
  ) {
    general(
      "expect must be { verdict: 'pass' | 'unsupported' } or { verdict: 'violation', property }",
    );
  } else if (expect['verdict'] === 'violation' && typeof expect['property'] !== 'string') {
    general('an expected violation must name its property');
  }
  return problems;
}
