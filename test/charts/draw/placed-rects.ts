/** Reads the rectangles of a chart SVG (bars, heat-map cells) in absolute coordinates, as Vega and the drawings both write them: `<path d="Mx,yhWvHh-WZ">`. */

/** A rectangle as drawn: its fill and box. */
export interface PlacedRect {
  fill: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function translateOf(tag: string): [number, number] {
  const m = /transform="translate\(([-\d.e]+),([-\d.e]+)\)/.exec(tag);
  return m === null ? [0, 0] : [Number(m[1]), Number(m[2])];
}

/** Every rectangle path of `svg`, sorted by place, with the translations of the groups it is in added. */
export function placedRects(svg: string): PlacedRect[] {
  const stack: [number, number][] = [[0, 0]];
  const out: PlacedRect[] = [];
  for (const m of svg.matchAll(/<(\/?)(g|path)\b([^>]*?)(\/?)>/g)) {
    const [, close, tag, attrs = '', selfClosing] = m;
    const [ox, oy] = stack[stack.length - 1] as [number, number];
    if (tag === 'g') {
      if (close === '/') stack.pop();
      else if (selfClosing !== '/') {
        const [dx, dy] = translateOf(attrs);
        stack.push([ox + dx, oy + dy]);
      }
      continue;
    }
    const d = /\sd="M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v([-\d.e]+)h[-\d.e]+Z"/.exec(attrs);
    const fill = /\sfill="([^"]+)"/.exec(attrs);
    if (d === null || fill === null) continue;
    const [dx, dy] = translateOf(attrs);
    out.push({ fill: fill[1] as string, x: ox + dx + Number(d[1]), y: oy + dy + Number(d[2]), width: Number(d[3]), height: Number(d[4]) });
  }
  return out.sort((a, b) => a.y - b.y || a.x - b.x || a.width - b.width);
}

/** The largest difference, on any of x, y, width and height, between rectangles matched in place order; Infinity when their number or fills differ. */
export function largestRectShift(a: readonly PlacedRect[], b: readonly PlacedRect[]): number {
  if (a.length !== b.length || a.some((r, i) => r.fill !== b[i]?.fill)) return Infinity;
  return Math.max(
    0,
    ...a.map((r, i) => {
      const s = b[i] as PlacedRect;
      return Math.max(Math.abs(r.x - s.x), Math.abs(r.y - s.y), Math.abs(r.width - s.width), Math.abs(r.height - s.height));
    }),
  );
}
