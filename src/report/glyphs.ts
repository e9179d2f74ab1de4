/** Every symbol the output uses, in one place. */
export const GLYPHS = {
  pass: '✓',
  fail: '✗',
  warn: '!',
  wake: '↳',
  arrow: '→',
  bullet: '·',
} as const;
