import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  formatTimeline,
  formatTrace,
  toHtml,
  toMermaid,
  type CounterexampleView,
  type Palette,
} from '../report/index.js';
import { UsageError } from './errors.js';

/** How a counterexample is drawn on the terminal. */
export type TraceFormat = 'steps' | 'timeline' | 'mermaid';

/** Every trace format, for the option table. */
export const TRACE_FORMATS: readonly TraceFormat[] = ['steps', 'timeline', 'mermaid'];

/** A counterexample's trace in the chosen format, as lines. */
export function renderTrace(
  view: CounterexampleView,
  format: TraceFormat,
  clocks: boolean,
  palette: Palette,
): string[] {
  switch (format) {
    case 'steps':
      return formatTrace({ model: view.model, ...view.trace, clocks, palette });
    case 'timeline':
      return formatTimeline(view, palette, { clocks });
    case 'mermaid':
      return toMermaid(view).trimEnd().split('\n');
  }
}

/**
 * Writes a counterexample's HTML report to a new file. An existing file is never replaced: the
 * user's files stay as they were, and the error says so.
 */
export async function writeHtml(
  path: string,
  shown: string,
  view: CounterexampleView,
): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, toHtml(view), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new UsageError(
        'usage',
        `'${shown}' already exists; weft never replaces a file, so remove it or name another ` +
          `with --html`,
      );
    }
    throw new UsageError(
      'usage',
      `cannot write '${shown}': ${code ?? String(error)}; check the folder is writable`,
    );
  }
}

/** Fails at once, before any work, when a file the command would write already exists. */
export async function ensureNew(path: string, shown: string): Promise<void> {
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw new UsageError(
      'usage',
      `'${shown}' already exists; weft never replaces a file, so remove it or name another with ` +
        `--html`,
    );
  }
}
