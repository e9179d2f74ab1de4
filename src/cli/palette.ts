import pc from 'picocolors';
import { PLAIN, type Palette } from '../report/index.js';

/** The terminal palette; plain when colour is off (picocolors also honours NO_COLOR). */
export function terminalPalette(colour: boolean): Palette {
  if (!colour || !pc.isColorSupported) return PLAIN;
  return {
    pass: pc.green,
    fail: pc.red,
    warn: pc.yellow,
    dim: pc.dim,
    strong: pc.bold,
    thread: pc.cyan,
  };
}
