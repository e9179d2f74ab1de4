import {
  start,
  step,
  threadId,
  type MachineState,
  type Model,
  type ThreadId,
  type Transition,
} from '../../src/index.js';

/** The state a model starts from after its setup; throws when the setup fails. */
export function startOf(model: Model): MachineState {
  const begun = start(model);
  if (begun.kind === 'failed') throw new Error(`the setup failed: ${begun.reason}`);
  return begun.state;
}

/** The id of the thread named `name`; throws when the model has none. */
export function threadOf(model: Model, name: string): ThreadId {
  const t = model.threads.findIndex((th) => th.name === name);
  if (t === -1) throw new Error(`model ${model.name} has no thread ${name}`);
  return threadId(t);
}

/** Steps the named threads in turn from `state`; gives every transition and the last state. */
export function runThreads(
  model: Model,
  state: MachineState,
  names: readonly string[],
): { readonly state: MachineState; readonly transitions: readonly Transition[] } {
  const transitions: Transition[] = [];
  let current = state;
  for (const name of names) {
    const result = step(model, current, { kind: 'step', thread: threadOf(model, name) });
    transitions.push(result.transition);
    current = result.state;
  }
  return { state: current, transitions };
}
