/** Reads what a chart SVG draws and where — texts, dots and rules, lines, rectangles — so a drawing can be compared with Vega's SVG. */

/** A text as drawn: its content (entities decoded) and its anchor point in the SVG's coordinates. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
}

const decode = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function translateOf(tag: string): [number, number] {
  const m = /transform="translate\(([-\d.e]+),([-\d.e]+)\)/.exec(tag);
  return m === null ? [0, 0] : [Number(m[1]), Number(m[2])];
}

function attr(tag: string, name: string): number {
  const m = new RegExp(`\\s${name}="([-\\d.e]+)"`).exec(tag);
  return m === null ? 0 : Number(m[1]);
}

/**
 * Calls `visit` for each element named in `tags` (besides groups) with its attributes, the text
 * after it (for `<text>`) and the sum of the translations of the groups it is in.
 */
function walk(
  svg: string,
  tags: string,
  visit: (tag: string, attrs: string, ox: number, oy: number, text: string | undefined) => void,
): void {
  const stack: [number, number][] = [[0, 0]];
  const pattern = new RegExp(`<(\\/?)(g|${tags})\\b([^>]*?)(\\/?)>(?:([^<]*)<\\/text>)?`, 'g');
  for (const m of svg.matchAll(pattern)) {
    const [, close, tag = '', attrs = '', selfClosing] = m;
    const [ox, oy] = stack[stack.length - 1] as [number, number];
    if (tag === 'g') {
      if (close === '/') stack.pop();
      else if (selfClosing !== '/') {
        const [dx, dy] = translateOf(attrs);
        stack.push([ox + dx, oy + dy]);
      }
    } else if (close !== '/') visit(tag, attrs, ox, oy, m[5]);
  }
}

/** Texts of an SVG, in order, as read (entities decoded: Vega writes `"` as is, the drawing as `&quot;`). */
export function textsInOrder(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1] ?? ''));
}

/** Texts of an SVG, decoded and sorted: what a drawing and Vega's SVG of the same chart must both show. */
export function sortedTexts(svg: string): string[] {
  return placedTexts(svg)
    .map((t) => t.text)
    .sort();
}

/** Every text of `svg` with its absolute anchor point (the sum of the translations of the groups it is in, and its own). */
export function placedTexts(svg: string): PlacedText[] {
  const out: PlacedText[] = [];
  walk(svg, 'text', (_tag, attrs, ox, oy, text) => {
    const [dx, dy] = translateOf(attrs);
    out.push({ text: decode(text ?? ''), x: ox + dx + attr(attrs, 'x'), y: oy + dy + attr(attrs, 'y') });
  });
  return out;
}

/** The largest distance, on either axis, between texts of the same content in the two lists (matched in order); Infinity when the contents differ. */
export function largestShift(a: readonly PlacedText[], b: readonly PlacedText[]): number {
  const key = (t: PlacedText): string => t.text;
  const sort = (list: readonly PlacedText[]): PlacedText[] =>
    [...list].sort((p, q) => (key(p) < key(q) ? -1 : key(p) > key(q) ? 1 : p.y - q.y || p.x - q.x));
  const sa = sort(a);
  const sb = sort(b);
  if (sa.length !== sb.length || sa.some((t, i) => t.text !== sb[i]?.text)) return Infinity;
  return Math.max(0, ...sa.map((t, i) => Math.max(Math.abs(t.x - (sb[i] as PlacedText).x), Math.abs(t.y - (sb[i] as PlacedText).y))));
}

/** A dot or a horizontal rule as drawn: its colour and place (a dot's centre, a rule's left end and length). */
export interface PlacedMark {
  kind: 'dot' | 'rule';
  color: string;
  x: number;
  y: number;
  length: number;
}

/**
 * The dots (circle paths) and 2 px rules of `svg` in absolute coordinates, whether written as Vega writes
 * them (`<path transform="translate(x,y)" d="M3.87,0A…">`, `<line transform=… x2=…>`) or as the drawings
 * do (`<path d="Mx,yA…">`, `<path d="Mx,yh…">`).
 */
export function placedMarks(svg: string): PlacedMark[] {
  const out: PlacedMark[] = [];
  walk(svg, 'path|line', (tag, attrs, ox, oy) => {
    const [dx, dy] = translateOf(attrs);
    const color = /\s(?:fill|stroke)="(#[0-9a-f]{6})"/.exec(attrs.replace(/stroke="#6e7781"/, ''))?.[1] ?? '';
    const d = /\sd="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const dot = /^M([-\d.]+),([-\d.]+)A([\d.]+),/.exec(d);
    const rule = /^M([-\d.]+),([-\d.]+)h([-\d.]+)$/.exec(d);
    if (tag === 'line' && /stroke-width="2"/.test(attrs))
      out.push({ kind: 'rule', color, x: ox + dx, y: oy + dy, length: attr(attrs, 'x2') });
    else if (dot !== null)
      out.push({ kind: 'dot', color, x: ox + dx + Number(dot[1]) - Number(dot[3]), y: oy + dy + Number(dot[2]), length: 0 });
    else if (rule !== null && /stroke-width="2"/.test(attrs))
      out.push({ kind: 'rule', color, x: ox + dx + Number(rule[1]), y: oy + dy + Number(rule[2]), length: Number(rule[3]) });
  });
  return out.sort((a, b) => (a.kind + a.color < b.kind + b.color ? -1 : a.kind + a.color > b.kind + b.color ? 1 : a.y - b.y || a.x - b.x));
}

/** A polyline as drawn: its colour and its points in absolute coordinates. */
export interface PlacedLine {
  color: string;
  points: [number, number][];
}

/**
 * The 2 px polylines of `svg` (`M x,y` then relative `l dx,dy` steps, as Vega's compacted lines and the
 * drawings write them; not the legend's symbols), in order of colour and first point.
 */
export function placedLines(svg: string): PlacedLine[] {
  const out: PlacedLine[] = [];
  walk(svg, 'path', (_tag, attrs, ox, oy) => {
    const d = /\sd="(M[^"A-Za-km-z]*l[^"A-Za-km-z]*)"/.exec(attrs)?.[1];
    const color = /\sstroke="(#[0-9a-f]{6})"/.exec(attrs)?.[1];
    // A path moved by its own transform is a legend's symbol (Vega draws a line chart's as a 10 px stroke).
    if (d === undefined || color === undefined || !/stroke-width="2"/.test(attrs) || attrs.includes('transform=')) return;
    const points: [number, number][] = [];
    for (const segment of d.split(/(?=[Ml])/)) {
      const [a = 0, b = 0] = (segment.slice(1).match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
      const last = points[points.length - 1];
      points.push(segment.startsWith('M') || last === undefined ? [ox + a, oy + b] : [last[0] + a, last[1] + b]);
    }
    out.push({ color, points });
  });
  return out.sort((a, b) =>
    a.color < b.color
      ? -1
      : a.color > b.color
        ? 1
        : (a.points[0]?.[1] ?? 0) - (b.points[0]?.[1] ?? 0) || (a.points[0]?.[0] ?? 0) - (b.points[0]?.[0] ?? 0),
  );
}

/** The largest distance, on either axis, between the points of two lists of marks or lines (matched in order); Infinity when they differ in number or colour. */
export function largestMarkShift(a: readonly (PlacedMark | PlacedLine)[], b: readonly (PlacedMark | PlacedLine)[]): number {
  if (a.length !== b.length) return Infinity;
  return Math.max(
    0,
    ...a.map((m, i) => {
      const n = b[i] as PlacedMark | PlacedLine;
      if (m.color !== n.color) return Infinity;
      if ('points' in m && 'points' in n) {
        if (m.points.length !== n.points.length) return Infinity;
        return Math.max(
          0,
          ...m.points.map(([x, y], j) => Math.max(Math.abs(x - (n.points[j]?.[0] ?? NaN)), Math.abs(y - (n.points[j]?.[1] ?? NaN)))),
        );
      }
      if ('kind' in m && 'kind' in n && m.kind === n.kind)
        return Math.max(Math.abs(m.x - n.x), Math.abs(m.y - n.y), Math.abs(m.length - n.length));
      return Infinity;
    }),
  );
}

/** A rectangle as drawn: its fill and box. */
export interface PlacedRect {
  fill: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every rectangle path of `svg` (`<path d="Mx,yhWvHh-WZ">`: bars, heat-map cells, as Vega and the drawings both write them), sorted by place, in absolute coordinates. */
export function placedRects(svg: string): PlacedRect[] {
  const out: PlacedRect[] = [];
  walk(svg, 'path', (_tag, attrs, ox, oy) => {
    const d = /\sd="M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v([-\d.e]+)h[-\d.e]+Z"/.exec(attrs);
    const fill = /\sfill="([^"]+)"/.exec(attrs);
    if (d === null || fill === null) return;
    const [dx, dy] = translateOf(attrs);
    out.push({ fill: fill[1] as string, x: ox + dx + Number(d[1]), y: oy + dy + Number(d[2]), width: Number(d[3]), height: Number(d[4]) });
  });
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
