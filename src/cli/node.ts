import { createLogUpdate } from 'log-update';
import { main } from './main.js';
import type { Io } from './io.js';

/** The real process's surroundings: stdout, stderr, TTY, NO_COLOR and CI honoured. */
function processIo(): Io {
  const interactive = process.stderr.isTTY && process.env['CI'] === undefined;
  const live = interactive ? createLogUpdate(process.stderr) : undefined;
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    interactive,
    colour: process.stdout.isTTY && process.env['NO_COLOR'] === undefined,
    cwd: process.cwd(),
    clock: () => performance.now(),
    memory: () => process.memoryUsage().heapUsed,
    seed: () => Math.floor(Math.random() * 2 ** 31),
    ...(live === undefined
      ? {}
      : {
          live: {
            update: (line: string) => {
              live(line);
            },
            clear: () => {
              live.clear();
            },
          },
        }),
  };
}

// A reader that stops early (`weft list | head`) closes the pipe; that ends output, not the run.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), processIo());
