/** Reads the texts of a chart SVG with where they are drawn, so a drawing can be compared with Vega's SVG. */

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

/** Every text of `svg` with its absolute anchor point (the sum of the translations of the groups it is in, and its own). */
export function placedTexts(svg: string): PlacedText[] {
  const stack: [number, number][] = [[0, 0]];
  const out: PlacedText[] = [];
  for (const m of svg.matchAll(/<(\/?)(g|text)\b([^>]*?)(\/?)>(?:([^<]*)<\/text>)?/g)) {
    const [, close, tag, attrs = '', selfClosing] = m;
    const [ox, oy] = stack[stack.length - 1] as [number, number];
    if (tag === 'g') {
      if (close === '/') stack.pop();
      else if (selfClosing !== '/') {
        const [dx, dy] = translateOf(attrs);
        stack.push([ox + dx, oy + dy]);
      }
    } else if (close !== '/') {
      const [dx, dy] = translateOf(attrs);
      out.push({ text: decode(m[5] ?? ''), x: ox + dx + attr(attrs, 'x'), y: oy + dy + attr(attrs, 'y') });
    }
  }
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
