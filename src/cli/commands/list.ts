import { PROPERTIES } from '../../../properties/index.js';
import { verdictWords } from '../../report/index.js';
import type { Io } from '../io.js';
import { loadModels } from '../load.js';
import { terminalPalette } from '../palette.js';

/** `weft list [models...]`: each model's name, threads, expected verdict and description. */
export async function runList(args: readonly string[], io: Io): Promise<number> {
  const models = await loadModels(args, io.cwd);
  const p = terminalPalette(io.colour);
  const width = Math.max(...models.map((m) => m.model.name.length));
  for (const { model } of models) {
    const threads = model.threads.map((t) => t.name).join(', ');
    io.out(
      `${p.strong(model.name.padEnd(width))}  expects ${verdictWords(model.expect)}; threads ` +
        threads,
    );
    if (model.description !== '') io.out(`${' '.repeat(width)}  ${p.dim(model.description)}`);
  }
  return 0;
}

/** `weft properties`: the built-in invariants, their statements and why they matter. */
export function runProperties(io: Io): number {
  const p = terminalPalette(io.colour);
  for (const property of PROPERTIES) {
    io.out(`${property.number}. ${p.strong(property.id)}: ${property.statement}`);
    io.out(`   ${p.dim(`why: ${property.why}`)}`);
  }
  return 0;
}
