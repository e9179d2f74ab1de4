import type { Io } from '../../src/cli/io.js';

/** A captured command-line run: its exit code and every line it printed. */
export interface Captured {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

/** An `Io` that records lines, draws no colour, and reads a clock stuck at 0 ms. */
export function fakeIo(cwd: string): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (line) => out.push(...line.split('\n')),
    err: (line) => err.push(...line.split('\n')),
    interactive: false,
    colour: false,
    cwd,
    clock: () => 0,
    memory: () => 0,
    seed: () => 1234,
  };
  return { io, out, err };
}
