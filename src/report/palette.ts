/** Colours by role. Formatters take one, so they stay pure; the CLI decides if colour is on. */
export interface Palette {
  readonly pass: (s: string) => string;
  readonly fail: (s: string) => string;
  readonly warn: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly strong: (s: string) => string;
  readonly thread: (s: string) => string;
}

const same = (s: string): string => s;

/** No colour at all: for files, pipes, `NO_COLOR` and golden tests. */
export const PLAIN: Palette = {
  pass: same,
  fail: same,
  warn: same,
  dim: same,
  strong: same,
  thread: same,
};
