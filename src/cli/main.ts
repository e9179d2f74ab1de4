import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { MUTANTS } from '../kernel/index.js';
import { runCheck, type CheckFlags } from './commands/check.js';
import { runList, runProperties } from './commands/list.js';
import { runReplay, type ReplayFlags } from './commands/replay.js';
import { runShrink, type ShrinkFlags } from './commands/shrink.js';
import { UsageError } from './errors.js';
import { TRACE_FORMATS } from './render.js';
import type { Io } from './io.js';

function positive(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || !/^\d+(\.\d+)?$/.test(value)) {
      throw new InvalidArgumentError(`${name} must be a positive number, got '${value}'`);
    }
    return n;
  };
}

function whole(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`${name} must be a positive whole number, got '${value}'`);
    }
    return Number(value);
  };
}

function integer(name: string) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`${name} must be a whole number, got '${value}'`);
    }
    return Number(value);
  };
}

function program(io: Io, done: (code: number) => void): Command {
  const root = new Command('weft')
    .description('Model checker for epoll-based concurrency: every interleaving, every invariant.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => {
        io.out(s.trimEnd());
      },
      writeErr: () => undefined,
    })
    .showSuggestionAfterError(true);

  root
    .command('check')
    .description('check models (all bundled models when none is named)')
    .argument('[models...]', 'model files, folders of them, or bundled model names')
    .option('--max-states <n>', 'stop after this many distinct states', whole('--max-states'))
    .option('--max-depth <n>', 'explore schedules of at most this many steps', whole('--max-depth'))
    .option('--max-seconds <n>', 'stop a model after this many seconds', positive('--max-seconds'))
    .option('--property <ids>', 'check only these invariants (comma separated ids)', (v: string) =>
      v.split(',').map((s) => s.trim()),
    )
    .addOption(
      new Option('--mutant <name>', 'run under a deliberately wrong semantics').choices(MUTANTS),
    )
    .addOption(
      new Option('--timeouts <rule>', "when timeouts may fire: 'any' or 'miri'").choices([
        'any',
        'miri',
      ]),
    )
    .option(
      '--random <runs>',
      'sample this many random schedules instead of all',
      whole('--random'),
    )
    .option(
      '--seed <n>',
      'seed of the random schedules (default: chosen and printed)',
      integer('--seed'),
    )
    .addOption(
      new Option('--format <format>', 'how counterexamples are drawn')
        .choices(TRACE_FORMATS)
        .default('steps'),
    )
    .option('--html <folder>', "write each counterexample's HTML report to <folder>/<model>.html")
    .option('--clocks', 'show vector clocks in counterexamples', false)
    .option(
      '--exact-clocks',
      'count states that differ only in clocks apart, even where unobservable',
    )
    .option('--json', 'print results as JSON', false)
    .action(async (models: string[], flags: CheckFlags) => {
      done(await runCheck(models, flags, io));
    });

  root
    .command('replay')
    .description('replay a counterexample from its replay string and print its trace')
    .argument('<model>', 'the model file (or bundled model name)')
    .argument(
      '<schedule>',
      "the replay string weft check printed, e.g. 'consumer:epoll_wait,producer:write'",
    )
    .addOption(
      new Option('--format <format>', 'how the trace is drawn')
        .choices(TRACE_FORMATS)
        .default('steps'),
    )
    .option('--html <file>', 'also write the HTML report to this new file')
    .addOption(
      new Option('--mutant <name>', 'replay under a deliberately wrong semantics').choices(MUTANTS),
    )
    .addOption(
      new Option('--timeouts <rule>', "when timeouts may fire: 'any' or 'miri'").choices([
        'any',
        'miri',
      ]),
    )
    .option('--clocks', 'show vector clocks', false)
    .option('--json', 'print the trace as JSON', false)
    .action(async (model: string, schedule: string, flags: ReplayFlags) => {
      done(await runReplay(model, schedule, flags, io));
    });

  root
    .command('shrink')
    .description(
      'reduce a failing model to fewer threads and instructions, printed as a model file',
    )
    .argument('<model>', 'the model file (or bundled model name)')
    .option('--property <id>', 'the invariant that must keep failing (default: the one found)')
    .option('--out <file>', 'write the reduced model to this new file instead of stdout')
    .action(async (model: string, flags: ShrinkFlags) => {
      done(await runShrink(model, flags, io));
    });

  root
    .command('list')
    .description('list models with their threads and expected verdicts')
    .argument('[models...]', 'model files, folders, or bundled model names')
    .action(async (models: string[]) => {
      done(await runList(models, io));
    });

  root
    .command('properties')
    .description('list the built-in invariants')
    .action(() => {
      done(runProperties(io));
    });
  return root;
}

/**
 * Runs the `weft` command line and returns its exit code: 0 when every verdict is as expected,
 * 1 for a violation or an unexpected verdict, 2 for bad usage or an invalid model.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  if (argv.length === 0) {
    io.out(
      program(io, () => undefined)
        .helpInformation()
        .trimEnd(),
    );
    return 0;
  }
  try {
    await program(io, (c) => (code = c)).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      const message = error.message
        .replace(/^error: /, '')
        .replace(/\s*\n\s*/g, ' ')
        .replace(/\.$/, '');
      io.err(`weft: ${message}; run 'weft --help' for usage`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.err(`weft: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
