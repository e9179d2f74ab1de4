import type { Mutant } from '../kernel/index.js';
import { Names, ThreadBuilder } from './builder.js';
import { expr, type Operand } from './expr.js';
import type {
  Bounds,
  Expectation,
  FinalCondition,
  Model,
  ModelOptions,
  ThreadSpec,
  VariableSpec,
} from './model.js';

/** The options a model has unless it says otherwise: the seed's own limits, no mutant. */
export const DEFAULT_OPTIONS: ModelOptions = {
  eventfdLimit: (1n << 64n) - 2n,
  socketCapacity: 0x34000,
  timeouts: 'any',
  shortWrites: false,
  mutant: null,
};

/** What a thread declares besides its program. */
export interface ThreadOptions {
  /** The thread may end blocked (a server waiting for more work) without it being a deadlock. */
  readonly mayEndBlocked?: boolean;
}

/**
 * Builds a model. Its system call methods write the setup, which thread `main` runs to the end
 * before any other thread starts; `main()` adds what main then does concurrently.
 */
export class ModelBuilder extends ThreadBuilder {
  private text = '';
  private readonly threads: { builder: ThreadBuilder; options: ThreadOptions }[] = [];
  private readonly variables: VariableSpec[] = [];
  private readonly finals: FinalCondition[] = [];
  private options: ModelOptions = DEFAULT_OPTIONS;
  private bounds: Partial<Bounds> = {};
  private expectation: Expectation = { verdict: 'pass' };
  private setupLength: number | null = null;
  private mainOptions: ThreadOptions = {};

  constructor(
    readonly modelName: string,
    private readonly namer: Names,
  ) {
    super('main', namer);
  }

  /** One or two sentences on what the model shows; printed by `weft list`. */
  describe(text: string): this {
    this.text = text;
    return this;
  }

  /** Declares a shared variable with its initial value. */
  variable(name: string, initial: number | bigint = 0): string {
    this.variables.push({ name, initial });
    return name;
  }

  /** Declares a thread and writes its program. */
  thread(name: string, body: (t: ThreadBuilder) => void, options: ThreadOptions = {}): void {
    const builder = new ThreadBuilder(name, this.namer);
    body(builder);
    this.threads.push({ builder, options });
  }

  /** What `main` does after the setup, concurrently with the other threads. */
  main(body: (t: ThreadBuilder) => void, options: ThreadOptions = {}): void {
    this.setupLength = this.code.length;
    this.mainOptions = options;
    body(this);
  }

  /** A condition every final state must satisfy (a failure is a violation of invariant 9). */
  final(cond: Operand, message: string): void {
    this.finals.push({ cond: expr(cond), message });
  }

  /** The verdict the model expects; a pass unless said otherwise. */
  expect(expectation: Expectation): void {
    this.expectation = expectation;
  }

  /** Changes the modelled system's options (limits, timeout rule, short writes, mutant). */
  configure(options: Partial<ModelOptions>): void {
    this.options = { ...this.options, ...options };
  }

  /** Runs the model under a deliberately wrong semantics. */
  mutate(mutant: Mutant): void {
    this.configure({ mutant });
  }

  /** Limits the search of this model (states, depth, seconds). */
  limit(bounds: Partial<Bounds>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }

  /** The finished model, as data. */
  build(): Model {
    const main: ThreadSpec = {
      name: 'main',
      program: this.program(),
      mayEndBlocked: this.mainOptions.mayEndBlocked ?? false,
    };
    const others = this.threads.map(({ builder, options }) => ({
      name: builder.name,
      program: builder.program(),
      mayEndBlocked: options.mayEndBlocked ?? false,
    }));
    return {
      name: this.modelName,
      description: this.text,
      threads: [main, ...others],
      setup: this.setupLength ?? this.code.length,
      variables: [...this.variables],
      finals: [...this.finals],
      options: this.options,
      bounds: this.bounds,
      expect: this.expectation,
    };
  }
}

/**
 * Defines a model. `body` writes the setup with the builder's system call methods, declares
 * threads with `thread`, and states the expected verdict with `expect`.
 */
export function model(name: string, body: (m: ModelBuilder) => void): Model {
  const builder = new ModelBuilder(name, new Names());
  body(builder);
  return builder.build();
}
