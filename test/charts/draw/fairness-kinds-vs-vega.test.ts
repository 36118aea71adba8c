/**
 * The fairness, baselines and compare-fairness drawings against Vega's SVG of the same spec over
 * varied data: one category and many, long names (cut at the label limit), negative values, values
 * all equal, no Overall, no current row, names with markup, ampersands and quotes. Each drawing
 * must be exactly as large as Vega's and put the same texts and data marks (bars, dots, rules), in
 * the same colours, within a pixel of where Vega puts them; data it cannot draw faithfully (a group
 * named twice: Vega stacks its bars; a compare panel named `__proto__`; names with spaces at an end
 * or characters beyond the BMP, which Vega draws otherwise than it measures) is left to Vega.
 */
import { describe, expect, test } from 'vitest';
import { baselinesSpec } from '../../../src/charts/baselines.ts';
import { compareFairnessSpec } from '../../../src/charts/compare.ts';
import { fairnessSpec } from '../../../src/charts/fairness.ts';
import { drawChart, type ChartDrawing } from '../../../src/charts/draw/index.ts';
import { renderChartView } from '../../../src/charts/render.ts';
import type { BaselinesData, ChartDatum, ChartView, FairnessData } from '../../../src/charts/types.ts';

/** A text of an SVG: its content (decoded), fill and where it is drawn (translations added up). */
interface PlacedText {
  text: string;
  x: number;
  y: number;
  fill: string;
}

/** Every text of an SVG with its place, sorted by content then place. */
function placedTexts(svg: string): PlacedText[] {
  const out: PlacedText[] = [];
  const stack: { x: number; y: number; fill: string }[] = [{ x: 0, y: 0, fill: '' }];
  const translate = (attrs: string): [number, number] => {
    const t = /transform="translate\(([-\d.e]+),([-\d.e]+)\)/.exec(attrs);
    return t === null ? [0, 0] : [Number(t[1]), Number(t[2])];
  };
  for (const m of svg.matchAll(/<(\/?)(\w+)([^>]*?)(\/?)>([^<]*)/g)) {
    const [, close, tag, attrs = '', self, body = ''] = m;
    const top = stack[stack.length - 1] as { x: number; y: number; fill: string };
    if (close === '/') {
      if (tag === 'g') stack.pop();
      continue;
    }
    const fill = /fill="([^"]+)"/.exec(attrs)?.[1] ?? top.fill;
    const [dx, dy] = translate(attrs);
    if (tag === 'g' && self !== '/') stack.push({ x: top.x + dx, y: top.y + dy, fill });
    if (tag === 'text') {
      const x = Number(/ x="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
      const y = Number(/ y="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
      const text = body
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
      // A text turned a quarter left and then moved down its own axis (Vega's rotated titles) moves left on the page.
      const turned = /rotate\(-90\) translate\(0,([-\d.e]+)\)/.exec(attrs);
      const along = turned === null ? 0 : Number(turned[1]);
      out.push({ text, x: top.x + dx + x + along, y: top.y + dy + y, fill });
    }
  }
  return out.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.y - b.y || a.x - b.x));
}

/** A data mark of an SVG: a dot (centre, radius), a bar (box), a dashed or faint rule (ends), with its colours. */
interface PlacedMark {
  kind: 'dot' | 'bar' | 'rule';
  at: number[];
  paint: string;
}

/** The data marks of an SVG (dots, bars, dashed rules, faint range rules) in absolute coordinates, sorted. */
function placedMarks(svg: string): PlacedMark[] {
  const out: PlacedMark[] = [];
  const stack: [number, number][] = [[0, 0]];
  const attr = (attrs: string, name: string): string => new RegExp(` ${name}="([^"]+)"`).exec(attrs)?.[1] ?? '';
  for (const m of svg.matchAll(/<(\/?)(\w+)([^>]*?)(\/?)>/g)) {
    const [, close, tag, attrs = '', self] = m;
    const [ox, oy] = stack[stack.length - 1] as [number, number];
    const t = /transform="translate\(([-\d.e]+),([-\d.e]+)\)/.exec(attrs);
    const [x, y] = t === null ? [ox, oy] : [ox + Number(t[1]), oy + Number(t[2])];
    if (tag === 'g') {
      if (close === '/') stack.pop();
      else if (self !== '/') stack.push([x, y]);
      continue;
    }
    const paint = `${attr(attrs, 'fill')}|${attr(attrs, 'stroke')}|${attr(attrs, 'stroke-dasharray')}`;
    const d = attr(attrs, 'd');
    const n = (d.match(/-?[\d.]+/g) ?? []).map(Number);
    if (tag === 'path' && /A/.test(d)) {
      // A circle as Vega and the drawing write it: from its rightmost point, two arcs of radius r.
      for (const c of d.split('M').filter((p) => p !== '')) {
        const [px = 0, py = 0, r = 0] = (c.match(/-?[\d.]+/g) ?? []).map(Number);
        out.push({ kind: 'dot', at: [x + px - r, y + py, r], paint });
      }
    } else if (tag === 'path' && /^M[-\d.]+,[-\d.]+h[-\d.]+v[-\d.]+h[-\d.]+Z$/.test(d)) {
      out.push({ kind: 'bar', at: [x + (n[0] as number), y + (n[1] as number), n[2] as number, n[3] as number], paint });
    } else if (tag === 'line' && (attrs.includes('stroke-dasharray') || attrs.includes('stroke="#8c959f"'))) {
      out.push({ kind: 'rule', at: [x, y, x + Number(attr(attrs, 'x2')), y + Number(attr(attrs, 'y2'))], paint });
    } else if (tag === 'path' && (attrs.includes('stroke-dasharray') || attrs.includes('stroke="#8c959f"'))) {
      // Rules as path data: a vertical rule `Mx,yvh` or horizontal ones `Mx,yhw…`.
      for (const seg of d.split('M').filter((p) => p !== '')) {
        const [a = 0, b = 0, len = 0] = (seg.match(/-?[\d.]+/g) ?? []).map(Number);
        out.push({ kind: 'rule', at: seg.includes('v') ? [x + a, y + b, x + a, y + b + len] : [x + a, y + b, x + a + len, y + b], paint });
      }
    }
  }
  const key = (m: PlacedMark): string => `${m.kind}${m.paint}${m.at.map((v) => v.toFixed(0).padStart(6, '0')).join(',')}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const LONG = 'A very long group name that goes on and on and on, past the label limit of the axis for sure';

function view(drawing: ChartDrawing): ChartView {
  const spec =
    drawing.kind === 'fairness'
      ? fairnessSpec(drawing.data)
      : drawing.kind === 'baselines'
        ? baselinesSpec(drawing.data)
        : compareFairnessSpec(drawing.kind === 'compare-fairness' ? drawing.data : []);
  return { id: drawing.kind, section: 'fairness', title: 'Chart', description: '', spec, drawing, table: { columns: [], rows: [] } };
}

const fairness = (groups: [string, number][], extra: Partial<FairnessData> = {}): ChartDrawing => ({
  kind: 'fairness',
  data: {
    attribute: 'sex',
    metric: 'selection rate',
    fourFifths: true,
    groups: groups.map(([group, value]) => ({ group, value })),
    ...extra,
  },
});
const baselines = (rows: [string, number, boolean][], extra: Partial<BaselinesData> = {}): ChartDrawing => ({
  kind: 'baselines',
  data: { metric: 'accuracy', higherIsBetter: true, rows: rows.map(([label, value, current]) => ({ label, value, current })), ...extra },
});
/** Rows of the compare chart from (attribute, group, experiment place, value), orders as `compare-views.ts` numbers them. */
function compareRows(list: [string, string, number, number][]): ChartDatum[] {
  const attributes: string[] = [];
  const groups: string[] = [];
  return list.map(([attribute, group, eOrder, value]) => {
    if (!attributes.includes(attribute)) attributes.push(attribute);
    if (!groups.includes(`${attribute}\u0000${group}`)) groups.push(`${attribute}\u0000${group}`);
    return {
      attribute,
      aOrder: attributes.indexOf(attribute),
      group,
      gOrder: groups.indexOf(`${attribute}\u0000${group}`),
      metric: 'accuracy',
      experiment: `exp-${String(eOrder).padStart(4, '0')}`,
      eOrder,
      value,
    };
  });
}
const compare = (list: [string, string, number, number][]): ChartDrawing => ({ kind: 'compare-fairness', data: compareRows(list) });

const cases: [string, ChartDrawing][] = [
  [
    'fairness: three groups, Overall, one below the line',
    fairness(
      [
        ['Female', 0.82],
        ['Male', 0.87],
        ['Other', 0.6],
      ],
      { overall: 0.85 },
    ),
  ],
  [
    'fairness: error rate (no four-fifths line)',
    fairness(
      [
        ['18-29', 0.12],
        ['30+', 0.2],
      ],
      { metric: 'error rate', fourFifths: false },
    ),
  ],
  [
    'fairness: accuracy with Overall (no four-fifths line)',
    fairness(
      [
        ['Female', 0.82],
        ['Male', 0.87],
        ['Other', 0.6],
      ],
      { metric: 'accuracy', fourFifths: false, overall: 0.85 },
    ),
  ],
  [
    'fairness: selection rates, best 0.50 (the line at 0.40)',
    fairness([
      ['a', 0.5],
      ['b', 0.3],
    ]),
  ],
  ['fairness: one group', fairness([['a', 0.5]])],
  [
    'fairness: fourteen groups',
    fairness(
      Array.from({ length: 14 }, (_, i): [string, number] => [`Region ${i}`, 0.5 + i / 40]),
      { overall: 0.7 },
    ),
  ],
  [
    'fairness: long names',
    fairness(
      [
        [LONG, 0.3],
        ['b', 0.9],
      ],
      { attribute: `a long attribute ${LONG}`, metric: `metric ${LONG}` },
    ),
  ],
  [
    'fairness: negative values',
    fairness(
      [
        ['a', -0.3],
        ['b', 0.2],
        ['c', -0.05],
      ],
      { overall: -0.1 },
    ),
  ],
  [
    'fairness: all negative',
    fairness([
      ['a', -0.3],
      ['b', -0.2],
    ]),
  ],
  [
    'fairness: values equal',
    fairness([
      ['a', 0.5],
      ['b', 0.5],
    ]),
  ],
  [
    'fairness: all zero',
    fairness([
      ['a', 0],
      ['b', 0],
    ]),
  ],
  [
    'fairness: markup and quotes',
    fairness(
      [
        ['<script>', 0.95],
        ['A & B', 0.7],
        ['"quoted"', 0.8],
        ["it's", 0.75],
      ],
      { attribute: 'q "x" <&>', metric: 'acc <b> & "c"', overall: 0.9 },
    ),
  ],
  [
    'fairness: reserved names',
    fairness(
      [
        ['__proto__', 0.9],
        ['constructor', 0.5],
        ['toString', 0.7],
      ],
      { attribute: 'then', metric: 'valueOf' },
    ),
  ],
  [
    'baselines: reserved names',
    baselines(
      [
        ['__proto__', 0.9, true],
        ['constructor', 0.5, false],
      ],
      { metric: 'hasOwnProperty' },
    ),
  ],
  [
    'fairness: line breaks in names',
    fairness(
      [
        ['a\nb', 0.9],
        ['c', 0.5],
      ],
      { attribute: 'age\ngroup', metric: 'acc\tx' },
    ),
  ],
  [
    'baselines: a line break in the metric',
    baselines(
      [
        ['a\nb', 0.9, true],
        ['c', 0.5, false],
      ],
      { metric: 'acc\nx' },
    ),
  ],
  [
    'fairness: counts in thousands',
    fairness(
      [
        ['a', 10500],
        ['b', 15321],
      ],
      { overall: 12000 },
    ),
  ],
  [
    'fairness: Overall beyond the groups',
    fairness(
      [
        ['a', 0.5],
        ['b', 0.6],
      ],
      { overall: 1.3 },
    ),
  ],
  [
    'fairness: tiny values',
    fairness([
      ['a', 0.00012],
      ['b', 0.00031],
    ]),
  ],
  [
    'baselines: three rows',
    baselines([
      ['this', 0.91, true],
      ['ResNet', 0.93, false],
      ['LogReg', 0.85, false],
    ]),
  ],
  [
    'baselines: lower is better, one the same',
    baselines(
      [
        ['this', 0.3, true],
        ['b', 0.2, false],
        ['c', 0.3, false],
      ],
      { metric: 'loss', higherIsBetter: false },
    ),
  ],
  ['baselines: one row', baselines([['only', 0.5, true]])],
  [
    'baselines: values equal',
    baselines([
      ['a', 0.5, true],
      ['b', 0.5, false],
    ]),
  ],
  [
    'baselines: no current row',
    baselines([
      ['a', 0.5, false],
      ['b', 0.7, false],
    ]),
  ],
  [
    'baselines: long names',
    baselines(
      [
        [LONG, 0.5, true],
        ['b', 0.7, false],
      ],
      { metric: `metric ${LONG}` },
    ),
  ],
  [
    'baselines: negative values',
    baselines([
      ['a', -0.5, true],
      ['b', 0.7, false],
      ['c', -2, false],
    ]),
  ],
  [
    'baselines: markup and quotes',
    baselines(
      [
        ['<script>', 0.5, true],
        ['A & B', 0.7, false],
        ['"q"', 0.6, false],
      ],
      { metric: 'acc <b> & "c"' },
    ),
  ],
  [
    'baselines: one name twice',
    baselines([
      ['a', 0.5, true],
      ['a', 0.7, false],
    ]),
  ],
  [
    'baselines: fifteen rows',
    baselines(Array.from({ length: 15 }, (_, i): [string, number, boolean] => [`model-${i}`, 0.9 + i / 1000, i === 3])),
  ],
  [
    'baselines: close values',
    baselines([
      ['a', 0.9946, true],
      ['b', 0.9956, false],
    ]),
  ],
  [
    'compare: two attributes',
    compare([
      ['sex', 'Female', 0, 0.82],
      ['sex', 'Male', 0, 0.87],
      ['sex', 'Female', 1, 0.84],
      ['sex', 'Male', 1, 0.86],
      ['age', '18-29', 0, 0.7],
      ['age', '30-49', 0, 0.8],
      ['age', '50+', 0, 0.9],
      ['age', '18-29', 1, 0.75],
    ]),
  ],
  [
    'compare: one group',
    compare([
      ['group', 'a', 0, 0.5],
      ['group', 'a', 1, 0.6],
    ]),
  ],
  [
    'compare: values equal',
    compare([
      ['group', 'a', 0, 0.5],
      ['group', 'b', 1, 0.5],
    ]),
  ],
  [
    'compare: negative values',
    compare([
      ['g', 'a', 0, -0.5],
      ['g', 'b', 1, 0.3],
      ['g', 'a', 1, -1.2],
    ]),
  ],
  [
    'compare: long names',
    compare([
      [`${LONG} attribute ${LONG}`, LONG, 0, 0.5],
      [`${LONG} attribute ${LONG}`, 'b', 1, 0.6],
      ['x', `${LONG}2`, 0, 3],
    ]),
  ],
  [
    'compare: markup and quotes',
    compare([
      ['q "x" <&>', '<script>', 0, 0.5],
      ['q "x" <&>', 'A & B', 1, 0.6],
      ['q "x" <&>', "it's", 1, 0.7],
    ]),
  ],
  [
    'compare: many groups, five experiments',
    compare(
      Array.from({ length: 60 }, (_, i): [string, string, number, number] => [
        `attr${i % 3}`,
        `group ${i % 7}`,
        i % 5,
        0.5 + ((i * 37) % 100) / 300,
      ]),
    ),
  ],
  [
    'compare: twelve experiments (palette wraps)',
    compare(Array.from({ length: 12 }, (_, i): [string, string, number, number] => ['g', 'a', i, i / 10])),
  ],
  [
    'compare: experiments missing from some attributes',
    compare([
      ['g', 'a', 0, 1],
      ['g', 'a', 3, 2],
      ['h', 'b', 2, 3],
    ]),
  ],
];

/** Names Vega draws otherwise than it measures them (spaces at an end, characters beyond the BMP): left to Vega. */
const unplain: [string, ChartDrawing][] = [
  [
    'fairness: spaces around names, emoji',
    fairness(
      [
        [' padded ', 0.9],
        ['😀 smile', 0.5],
        [`${'😀'.repeat(40)} long`, 0.7],
      ],
      { attribute: ' attr ', metric: ' acc ' },
    ),
  ],
  [
    'baselines: spaces around names, emoji',
    baselines(
      [
        [' padded ', 0.9, true],
        [`${'😀'.repeat(40)} long`, 0.5, false],
      ],
      { metric: ' acc ' },
    ),
  ],
  [
    'compare: spaces around names, emoji',
    compare([
      [' attr ', ' padded ', 0, 0.5],
      [' attr ', `${'😀'.repeat(40)} long`, 1, 0.6],
    ]),
  ],
];

describe('fairness kinds drawn against Vega', () => {
  test.each(cases)('%s: same size, same texts and marks in the same places and colours', async (_name, drawing) => {
    const chart = view(drawing);
    const vega = await renderChartView(chart, { vega: true });
    const mine = await renderChartView(chart);
    expect(mine.svg).not.toBe(vega.svg);
    expect({ width: mine.width, height: mine.height }).toEqual({ width: vega.width, height: vega.height });
    const theirs = placedTexts(vega.svg);
    const ours = placedTexts(mine.svg);
    expect(ours.map((t) => [t.text, t.fill])).toEqual(theirs.map((t) => [t.text, t.fill]));
    ours.forEach((t, i) => {
      const v = theirs[i] as PlacedText;
      expect(Math.abs(t.x - v.x), `${t.text} x`).toBeLessThanOrEqual(1);
      expect(Math.abs(t.y - v.y), `${t.text} y`).toBeLessThanOrEqual(1);
    });
    const vegaMarks = placedMarks(vega.svg);
    const myMarks = placedMarks(mine.svg);
    expect(myMarks.map((m) => [m.kind, m.paint])).toEqual(vegaMarks.map((m) => [m.kind, m.paint]));
    myMarks.forEach((m, i) => {
      const v = vegaMarks[i] as PlacedMark;
      m.at.forEach((value, j) => expect(Math.abs(value - (v.at[j] as number)), `${m.kind} ${j}`).toBeLessThanOrEqual(1));
    });
  });

  test.each(unplain)('%s: left to Vega', (_name, drawing) => {
    expect(drawChart(drawing)).toBeUndefined();
  });

  test('a group named twice is left to Vega (it stacks the two bars)', () => {
    expect(
      drawChart(
        fairness([
          ['a', 0.5],
          ['a', 0.6],
          ['b', 0.9],
        ]),
      ),
    ).toBeUndefined();
  });

  test('a compare chart with a reserved name is left to Vega (its facet keeps panels by name: `__proto__` leaves it nearly empty)', () => {
    expect(
      drawChart(
        compare([
          ['__proto__', 'a', 0, 0.5],
          ['__proto__', 'b', 1, 0.6],
        ]),
      ),
    ).toBeUndefined();
    expect(
      drawChart(
        compare([
          ['g', 'constructor', 0, 0.5],
          ['g', 'b', 1, 0.6],
        ]),
      ),
    ).toBeUndefined();
  });

  test('no groups, rows or compare rows: nothing drawn', () => {
    expect(drawChart(fairness([]))).toBeUndefined();
    expect(drawChart(baselines([]))).toBeUndefined();
    expect(drawChart(compare([]))).toBeUndefined();
  });
});
