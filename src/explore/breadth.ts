import type { ThreadId } from '../kernel/index.js';
import {
  enabledChoices,
  clocksObservable,
  fingerprint,
  step,
  stuckThreads,
  type Choice,
  type MachineState,
} from '../machine/index.js';
import type { Bounds, Model } from '../program/index.js';
import type { SearchHooks, SearchResult, SearchStats } from './search.js';
import { isDeadEnd } from './search.js';
import { Meter } from './meter.js';
import { FingerprintSet } from './visited.js';

/** A state reached by the search, linked to the step that first reached it. */
interface Node {
  readonly state: MachineState;
  readonly index: number;
  readonly switches: number;
  readonly last: ThreadId | null;
}

/** A child found while expanding one level, before duplicates are dropped. */
interface Candidate {
  readonly node: Node;
  readonly parent: number;
  readonly choice: Choice;
  readonly hi: number;
  readonly lo: number;
}

/**
 * Breadth-first search for the shortest schedule to a finding: level by level, so the first
 * level with a finding holds the fewest steps; within it, the finding with the fewest thread
 * switches wins. States are told apart by fingerprint and by the thread that moved last, and
 * each level is deduplicated in order of switches, so every state keeps its cheapest path.
 * Memory grows with the widest level: use it to shorten a counterexample that a depth-first
 * search found, with the same bounds.
 */
export function breadthFirst<F>(
  model: Model,
  start: MachineState,
  bounds: Bounds,
  hooks: SearchHooks<F>,
): SearchResult<F> {
  const meter = new Meter(hooks, bounds);
  const clocks = clocksObservable(model);
  const visited = new FingerprintSet();
  const parents: number[] = [-1];
  const choices: (Choice | null)[] = [null];
  let depth = 0;
  const stats = (): SearchStats => meter.stats(parents.length, depth);
  const pathTo = (index: number, last: Choice): Choice[] => {
    const path = [last];
    for (let i = index; i > 0; i = parents[i] ?? 0) {
      const c = choices[i];
      if (c !== null && c !== undefined) path.push(c);
    }
    return path.reverse();
  };

  const [hi, lo] = fingerprint(start, clocks);
  visited.add(hi, lo);
  let level: Node[] = [{ state: start, index: 0, switches: 0, last: null }];
  while (level.length > 0) {
    if (depth >= bounds.depth) return { kind: 'complete', stats: stats(), cut: 'depth' };
    const found: { finding: F; schedule: Choice[]; switches: number }[] = [];
    const next: Candidate[] = [];
    for (const node of level) {
      for (const choice of enabledChoices(model, node.state)) {
        const { state: after, transition } = step(model, node.state, choice);
        const late = meter.count(parents.length, depth);
        const switches =
          node.switches + (node.last !== null && node.last !== choice.thread ? 1 : 0);
        const dead = isDeadEnd(transition);
        const terminal =
          !dead && enabledChoices(model, after).length === 0
            ? { stuck: stuckThreads(model, after) }
            : null;
        const finding = hooks.judge(node.state, transition, after, terminal, true);
        if (finding !== null) {
          found.push({ finding, schedule: pathTo(node.index, choice), switches });
          continue;
        }
        if (late) return { kind: 'bound', bound: 'time', stats: stats() };
        if (dead) continue;
        const [h, l] = fingerprint(after, clocks);
        const child = { state: after, index: -1, switches, last: choice.thread };
        next.push({ node: child, parent: node.index, choice, hi: h ^ (choice.thread + 1), lo: l });
      }
    }
    const best = found.reduce<(typeof found)[number] | null>(
      (a, b) => (a === null || b.switches < a.switches ? b : a),
      null,
    );
    if (best !== null)
      return { kind: 'found', finding: best.finding, schedule: best.schedule, stats: stats() };

    next.sort((a, b) => a.node.switches - b.node.switches);
    level = [];
    for (const c of next) {
      if (!visited.add(c.hi, c.lo)) continue;
      parents.push(c.parent);
      choices.push(c.choice);
      level.push({ ...c.node, index: parents.length - 1 });
      if (parents.length > bounds.states) return { kind: 'bound', bound: 'states', stats: stats() };
    }
    depth++;
  }
  return { kind: 'complete', stats: stats(), cut: null };
}
