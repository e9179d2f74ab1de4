/**
 * The fixed geometry of the HTML timeline, in CSS pixels. Every box has the same size, so arrows
 * can be drawn as plain SVG without measuring the page; text that does not fit is cut with an
 * ellipsis and shown whole in the box's tooltip and in the side panel.
 */
export const LAYOUT = {
  /** Width of the step-number column on the left. */
  gutter: 44,
  lane: 250,
  /** Height of the lane headers. */
  head: 40,
  row: 86,
  /** Space between a cell's edge and the box in it. */
  pad: 8,
} as const;

/** A rectangle on the timeline. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The box of the cell in lane `lane` (0-based column) and row `row` (0-based step index). */
export function cellBox(lane: number, row: number): Box {
  const { gutter, head, pad } = LAYOUT;
  return {
    x: gutter + lane * LAYOUT.lane + pad,
    y: head + row * LAYOUT.row + pad,
    w: LAYOUT.lane - 2 * pad,
    h: LAYOUT.row - 2 * pad,
  };
}

/** The whole timeline's size for `lanes` lanes and `rows` steps, with half a row to spare below. */
export function timelineSize(
  lanes: number,
  rows: number,
): { readonly w: number; readonly h: number } {
  return {
    w: LAYOUT.gutter + lanes * LAYOUT.lane,
    h: LAYOUT.head + rows * LAYOUT.row + LAYOUT.row / 2,
  };
}

/**
 * An SVG path from box `a` to box `b`: side to side between lanes, so it runs through the gaps
 * and empty cells rather than the boxes of either lane, and bulging out to the right within one
 * lane. With `a` null, the path starts at the top of the gutter, where the setup ran, and runs
 * down the gutter and along the gap above `b`'s row.
 */
export function arrowPath(a: Box | null, b: Box): string {
  if (a === null) {
    const gap = b.y - LAYOUT.pad / 2;
    return `M ${LAYOUT.gutter - 8} ${LAYOUT.head - 8} V ${gap} H ${b.x + b.w / 2} V ${b.y}`;
  }
  if (a.x === b.x) {
    const x = a.x + a.w - 16;
    const out = a.x + a.w + LAYOUT.pad + 6;
    const y1 = a.y + a.h;
    return `M ${x} ${y1} C ${out} ${y1 + 20}, ${out} ${b.y - 20}, ${x} ${b.y}`;
  }
  const right = a.x < b.x;
  const x1 = right ? a.x + a.w : a.x;
  const x2 = right ? b.x : b.x + b.w;
  const y1 = a.y + a.h / 2;
  const y2 = b.y + b.h / 2;
  const bend = (x2 - x1) / 2;
  return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
}
