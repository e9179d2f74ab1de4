import type { Model } from '../program/index.js';

/** How to print a model. */
export interface PrintOptions {
  /**
   * Where the printed file imports the `Model` type from; `'../src/index.js'` by default, right
   * for a file in `models/`.
   */
  readonly importFrom?: string;
}

/** Printed lines are kept within this width where a value allows, as Prettier would. */
const WIDTH = 100;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Escapes for characters a single-quoted literal cannot hold as they are. */
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** True for a code unit printed as a `\u` escape: controls and line separators. */
function unprintable(code: number): boolean {
  return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * A string as a single-quoted TypeScript literal. A lone surrogate is escaped too, so that it
 * survives being written to a UTF-8 file; a valid pair prints as the character it makes.
 */
export function quote(s: string): string {
  let body = '';
  for (let at = 0; at < s.length; at++) {
    const c = s.charAt(at);
    const code = s.charCodeAt(at);
    const known = ESCAPES[c];
    if (known !== undefined) {
      body += known;
    } else if (isHigh(code) && isLow(s.charCodeAt(at + 1))) {
      body += s.slice(at, at + 2);
      at++;
    } else if (unprintable(code) || isHigh(code) || isLow(code)) {
      body += `\\u${code.toString(16).padStart(4, '0')}`;
    } else {
      body += c;
    }
  }
  return `'${body}'`;
}

function printNumber(n: number): string {
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

function printKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/** A value on one line: `{ op: 'write', len: 8 }`. */
function inline(v: unknown): string {
  switch (typeof v) {
    case 'number':
      return printNumber(v);
    case 'bigint':
      return `${v}n`;
    case 'string':
      return quote(v);
    case 'boolean':
      return String(v);
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
      const fields = entries(v).map(([key, value]) => `${printKey(key)}: ${inline(value)}`);
      return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
    }
    default:
      throw new TypeError(`a model holds only plain data; found a ${typeof v}`);
  }
}

/** The fields of a plain object that have a value (absent optional fields are left out). */
function entries(v: object): [string, unknown][] {
  return Object.entries(v).filter(([, value]) => value !== undefined);
}

/**
 * A value at `indent`, on one line when it fits after `prefix` within the width, else one
 * element or field a line. The result holds no trailing comma of its own.
 */
function layout(v: unknown, indent: string, prefix: string): string {
  const flat = inline(v);
  if (typeof v !== 'object' || v === null || indent.length + prefix.length + flat.length < WIDTH)
    return flat;
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const items = v.map((item) => `${inner}${layout(item, inner, '')},`);
    return `[\n${items.join('\n')}\n${indent}]`;
  }
  const fields = entries(v).map(([key, value]) => {
    const head = `${printKey(key)}: `;
    return `${inner}${head}${layout(value, inner, head)},`;
  });
  return `{\n${fields.join('\n')}\n${indent}}`;
}

/**
 * TypeScript source of a model as plain data, to paste into a file under `models/` and run with
 * `weft check`: it imports the `Model` type and default-exports the model. Bigints print as
 * `123n`, strings single-quoted and escaped; importing the file gives back an equal model.
 */
export function printModel(model: Model, options: PrintOptions = {}): string {
  const from = options.importFrom ?? '../src/index.js';
  return [
    `import type { Model } from ${quote(from)};`,
    '',
    `const model: Model = ${layout(model, '', 'const model: Model = ')};`,
    '',
    'export default model;',
    '',
  ].join('\n');
}
