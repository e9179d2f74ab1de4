import type { Progress } from '../explore/index.js';
import type { Io } from './io.js';

/** Redraw the live line at most this often. */
const LIVE_EVERY_MS = 100;
/** Print a plain progress line at most this often when not on a terminal. */
const PLAIN_EVERY_MS = 10_000;

/** The progress line: states, states per second, depth, elapsed. */
export function progressLine(name: string, p: Progress): string {
  const rate = p.elapsedMs > 0 ? Math.round((p.states * 1000) / p.elapsedMs) : 0;
  const fmt = (n: number) => n.toLocaleString('en-US');
  return (
    `${name}: ${fmt(p.states)} states, ${fmt(rate)} states/s, depth ${p.depth}, ` +
    `${(p.elapsedMs / 1000).toFixed(1)} s`
  );
}

/**
 * A progress sink for one model's check: a live line on an interactive terminal, otherwise a
 * plain line on stderr every ten seconds of a long run.
 */
export function progressFor(
  name: string,
  io: Io,
): { report: (p: Progress) => void; done: () => void } {
  let last = -Infinity;
  const live = io.live;
  return {
    report(p) {
      const every = live === undefined ? PLAIN_EVERY_MS : LIVE_EVERY_MS;
      if (p.elapsedMs - last < every) return;
      last = p.elapsedMs;
      if (live === undefined) io.err(progressLine(name, p));
      else live.update(progressLine(name, p));
    },
    done() {
      live?.clear();
    },
  };
}
