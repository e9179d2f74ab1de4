import { entry, type ThreadId } from '../kernel/index.js';
import type { MachineState, VariableState } from './state.js';
import type { Race } from './transition.js';

/** The outcome of one shared-variable access: the value loaded, any race, the new variables. */
export interface VariableAccess {
  /** The loaded value; null for a store. */
  readonly value: number | bigint | null;
  readonly race: Race | null;
  readonly variables: readonly VariableState[];
}

/**
 * A plain load (`value` null) or store by thread `t` of variable `index`, checked against the
 * vector clocks: an access races with an earlier one by another thread that does not happen
 * before it, that is, whose epoch exceeds `t`'s clock entry for that thread.
 */
export function accessVariable(
  state: MachineState,
  t: ThreadId,
  index: number,
  name: string,
  value: number | bigint | null,
): VariableAccess {
  const v = state.variables[index];
  const clock = state.kernel.threads[t]?.clock ?? [];
  if (v === undefined) return { value: null, race: null, variables: state.variables };
  const access = value === null ? 'load' : 'store';
  const epoch = entry(clock, t);
  let race: Race | null = null;
  if (v.writer !== null && v.writer !== t && v.writeEpoch > entry(clock, v.writer)) {
    race = { variable: name, access, other: v.writer, otherAccess: 'store' };
  }
  if (race === null && access === 'store') {
    const reader = v.reads.findIndex((e, u) => u !== t && e > entry(clock, u as ThreadId));
    if (reader !== -1)
      race = { variable: name, access, other: reader as ThreadId, otherAccess: 'load' };
  }
  const next: VariableState =
    value === null
      ? { ...v, reads: v.reads.map((e, u) => (u === t ? epoch : e)) }
      : { value, writer: t, writeEpoch: epoch, reads: v.reads.map(() => 0) };
  const variables = state.variables.map((old, i) => (i === index ? next : old));
  return { value: value === null ? v.value : null, race, variables };
}
