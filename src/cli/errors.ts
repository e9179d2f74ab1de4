/**
 * Bad input from the user: a missing file, a malformed option, a model that cannot load. The
 * CLI prints its message on one line and exits with code 2; nothing else is written.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    /** Stable, for scripts and tests: `usage`, `model-file`, `model-export`, `schedule`. */
    readonly code: 'usage' | 'model-file' | 'model-export' | 'schedule',
    message: string,
  ) {
    super(message);
  }
}
