import { check, clocksObservable, type Verdict } from '../src/index.js';
import { benchKernel } from './kernel.js';
import { benchShrinking } from './shrinking.js';
import { BENCH_MODELS, type BenchModel } from './models/index.js';

/**
 * Prints Weft's benchmark figures: kernel operations per second, then an exhaustive check of
 * each benchmark model beside SPIN's figures for the same model. Figures only; nothing here
 * passes or fails. `--seconds N` caps each model's check (default 120), `--only S2` picks one,
 * `--exact-clocks` keeps vector clocks in every state as SPIN's clock-tracking figures do.
 */

const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1] ?? 120) || 120;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => (i <= 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
    .join('  ');
}

function runModel(b: BenchModel): { verdict: Verdict; wallMs: number; baseline: number } {
  globalThis.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  const began = performance.now();
  const verdict = check(b.model, {
    bounds: { seconds, states: 50_000_000 },
    clock: () => performance.now(),
    memory: () => process.memoryUsage().heapUsed,
  });
  return { verdict, wallMs: performance.now() - began, baseline };
}

const kernel = await benchKernel();
process.stdout.write(
  `kernel: ${fmt(kernel.opsPerSecond)} operations/s (median of ${kernel.runs.length} runs)\n\n`,
);

const exact = args.includes('--exact-clocks');
const header = [
  'model',
  'clocks',
  'verdict',
  'states',
  'transitions',
  'time',
  'transitions/s',
  'peak heap',
  'bytes/state',
  '| SPIN states',
  'transitions',
  'time',
  'memory',
];
const lines: string[][] = [];
for (const b of BENCH_MODELS.filter((m) => only === undefined || m.id === only)) {
  const model = exact
    ? { ...b.model, options: { ...b.model.options, clocks: 'exact' as const } }
    : b.model;
  const clocks = clocksObservable(model);
  // Small models are checked three times and the median time kept, so that the figure is the
  // engine's steady pace and not the compiler warming up; S4 runs once.
  const runs =
    b.id === 'S4' ? [runModel({ ...b, model })] : [0, 1, 2].map(() => runModel({ ...b, model }));
  runs.sort((x, y) => x.wallMs - y.wallMs);
  const { verdict, wallMs, baseline } =
    runs[Math.floor(runs.length / 2)] ?? runModel({ ...b, model });
  const stats = 'stats' in verdict ? verdict.stats : null;
  const kind = verdict.kind === 'bound-reached' ? `${verdict.bound} bound` : verdict.kind;
  const growth = stats === null ? 0 : Math.max(0, stats.peakMemory - baseline);
  lines.push([
    b.id,
    clocks ? 'exact' : 'left out',
    kind,
    stats === null ? '-' : fmt(stats.states),
    stats === null ? '-' : fmt(stats.transitions),
    `${(wallMs / 1000).toFixed(2)} s`,
    stats === null ? '-' : fmt((stats.transitions * 1000) / wallMs),
    stats === null ? '-' : mb(stats.peakMemory),
    stats === null || stats.states === 0 ? '-' : fmt(growth / stats.states),
    `| ${fmt(clocks ? b.peer.states : b.peer.statesNoClocks)}`,
    fmt(clocks ? b.peer.transitions : b.peer.transitionsNoClocks),
    `${clocks ? b.peer.seconds : b.peer.secondsNoClocks} s`,
    clocks ? `${fmt(b.peer.peakMemoryMB)} MB` : '-',
  ]);
}
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
process.stdout.write(`${row(header, widths)}\n`);
for (const l of lines) process.stdout.write(`${row(l, widths)}\n`);
process.stdout.write(
  `\nEvery invariant on, capped at ${seconds} s a check; S1 to S3 show the median of three checks. bytes/state is the ` +
    'heap growth during the check divided by the distinct states (visited set and the search ' +
    'stack). SPIN figures (peers/spin) are for the same clock treatment: with clocks tracked, or ' +
    'without clocks where Weft leaves them out because no check can observe them (no shared ' +
    'variables); --exact-clocks keeps them in every model.\n',
);

const shrinking = await benchShrinking();
const shrinkHeader = [
  'failing model',
  'property',
  'DFS steps',
  'shrunk',
  'minimum',
  'switches',
  'shrink time',
];
const shrinkLines = shrinking.map((f) => [
  f.name,
  f.property,
  String(f.depthFirst),
  String(f.shrunk),
  String(f.minimum),
  `${f.switchesBefore} → ${f.switchesAfter}`,
  `${f.shrinkMs.toFixed(1)} ms`,
]);
const shrinkWidths = shrinkHeader.map((h, i) =>
  Math.max(h.length, ...shrinkLines.map((l) => (l[i] ?? '').length)),
);
process.stdout.write(`\n${row(shrinkHeader, shrinkWidths)}\n`);
for (const l of shrinkLines) process.stdout.write(`${row(l, shrinkWidths)}\n`);
process.stdout.write(
  '\nDFS steps: the first counterexample depth-first search finds; shrunk: after schedule ' +
    'shrinking; minimum: the shortest, from breadth-first search.\n',
);
