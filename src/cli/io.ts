/** Where the CLI writes and what it knows of its surroundings; tests pass their own. */
export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** True when stderr is an interactive terminal (live progress is drawn only there). */
  readonly interactive: boolean;
  /** True when colours may be used. */
  readonly colour: boolean;
  readonly cwd: string;
  /** Monotonic milliseconds. */
  readonly clock: () => number;
  /** Heap bytes in use. */
  readonly memory: () => number;
  /** A fresh seed for random search when the user gave none. */
  readonly seed: () => number;
  /** Rewrites the live progress line; absent when progress is not drawn live. */
  readonly live?: { readonly update: (line: string) => void; readonly clear: () => void };
}
