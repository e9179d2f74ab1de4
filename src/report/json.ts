/** JSON text for machines: bigints become decimal strings, so 64-bit values stay exact. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}
