/**
 * Static chart SVG, compacted: the same drawing in fewer bytes. A site of 10,000 experiments carries
 * about 90,000 inline SVGs, so their size decides whether it fits a Pages host (issue #17). Vega's
 * serializer is verbose in regular ways, and each rewrite below undoes one of them without changing a
 * rendered pixel (checked by screenshots of every chart kind before and after):
 *
 * - **Lines become one path.** An axis's grid lines and ticks are written one `<line>` each, with the
 *   same stroke attributes repeated; a run of sibling lines with the same attributes becomes one
 *   `<path>` of `M x,y h dx` / `v dy` / `l dx,dy` segments (a line and a path segment draw the same
 *   stroke with the same butt caps).
 * - **Text attributes are set once.** A run of sibling `<text>` elements (axis labels, bar labels)
 *   repeats `font-size`, `fill`, `text-anchor`; those shared by every text of the run move to a `<g>`
 *   around it, whence they are inherited (they are inherited properties; the site's theme rules match
 *   `[fill="…"]` on the `<g>` and the texts inherit the themed value). Texts keep their `transform`:
 *   the same position written as `x`/`y` is rasterized a subpixel apart.
 * - **Polylines are relative.** Line marks (`M…L…L…`) are written with relative `l` segments between
 *   the same points (computed in hundredths of a pixel, so there is no drift), numbers without
 *   leading zeros.
 * - **Leftovers go.** Vega's empty hit-test paths (`<path class="foreground" d="" display="none"/>`),
 *   the background paths of groups with no fill or stroke (they inherit the root's `fill="none"`:
 *   nothing is drawn), texts with no content (the labels a log axis hides) and texts at opacity 0
 *   (the axis labels Vega's overlap removal hides: a tenth of a compare page's test-metrics chart), groups with no
 *   attribute at all (their children move up: nothing is inherited from them), the root's
 *   `version` and unused `xmlns:xlink`, and the ARIA attributes of inner groups (the root is one
 *   labelled image: inner roles are presentational) are dropped, and so are the class names nothing
 *   styles (`mark-group`, `child_layer_0_marks`, …); the roles of text (axis labels and titles,
 *   chart titles, legend labels) stay, so a reader's stylesheet or a test can still tell labels
 *   from marks.
 *
 * It works on Vega's own output (one element per tag, attributes in double quotes, text escaped), not
 * on arbitrary SVG; anything it does not recognise is left as it was.
 */

/** Vega's empty foreground (hit-test) path, drawn on every group. */
const EMPTY_FOREGROUND = /<path class="foreground" d="" display="none"\/>/g;
/** A group's background with neither fill nor stroke: it inherits the root's `fill="none"` and draws nothing. */
const BARE_BACKGROUND = /<path class="background" d="[^"]*"\/>/g;
/** A text with no content draws nothing (Vega writes the labels a log axis hides this way). */
const EMPTY_TEXT = /<text\b[^>]*(?:\/>|><\/text>)/g;
/** A text at opacity 0 draws nothing (Vega hides the labels its overlap removal drops this way); `fill-opacity` is not `opacity`. */
const HIDDEN_TEXT = /<text\b[^>]*\sopacity="0"[^>]*>[^<]*<\/text>/g;
/** Opening tags of groups and their closing tags, for unwrapping groups with no attributes. */
const GROUP_BOUNDARY = /<g\b[^>]*>|<\/g>/g;
/** A group's opening tag, and the ARIA attributes Vega writes on it (`role="graphics-object"`, generated `aria-label`s). */
const GROUP_TAG = /<g\b[^>]*>/g;
const GROUP_ARIA = /\s(?:role="graphics-object"|aria-label="[^"]*")/g;
/** A run of two or more sibling self-closing `<line>` elements. */
const LINE_RUN = /(?:<line\b[^>]*\/>){2,}/g;
const LINE = /<line\b([^>]*)\/>/g;
/** A run of two or more sibling `<text>` elements (their content is escaped: it holds no `<`). */
const TEXT_RUN = /(?:<text\b[^>]*>[^<]*<\/text>){2,}/g;
const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTRIBUTE = /\s([\w:-]+)="([^"]*)"/g;
const TRANSLATE = /^translate\((-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?)\)$/;
/** A path of absolute moves and lines only (a line mark), numbers with `-`, digits and `.`. */
const POLYLINE = /^M-?[\d.]+,-?[\d.]+(?:[LM]-?[\d.]+,-?[\d.]+)+$/;
const POLYLINE_PATH = /(<path\b[^>]*?\sd=")([^"]+)(")/g;
/** Class names kept: the roles of a chart's text (everything else Vega writes is styled by attributes). */
const KEPT_CLASSES = new Set(['role-axis-label', 'role-axis-title', 'role-title-text', 'role-legend-label', 'role-legend-title']);
const CLASS_ATTRIBUTE = /\sclass="([^"]*)"/g;

/** Inherited presentation attributes a `<g>` may carry for its texts (never opacity or geometry). */
const INHERITED_TEXT_ATTRIBUTES = new Set(['fill', 'fill-opacity', 'font-size', 'font-weight', 'font-style', 'font-family', 'text-anchor']);
/** Attributes of a `<line>` that are geometry (the rest are its style). */
const LINE_GEOMETRY = new Set(['transform', 'x1', 'y1', 'x2', 'y2']);

/** Compacts one of Vega's SVGs (after `finishSvg`'s id and rounding passes). See the module comment. */
export function compactSvg(svg: string): string {
  const rootFillsNothing = /^<svg\b[^>]*>(?:<[^g][^>]*>)*<g fill="none"[\s>]/.test(svg);
  const drawn = svg
    .replace(EMPTY_FOREGROUND, '')
    .replace(EMPTY_TEXT, '')
    .replace(HIDDEN_TEXT, '')
    .replace(BARE_BACKGROUND, (all) => (rootFillsNothing ? '' : all))
    .replace(GROUP_TAG, (tag) => tag.replace(GROUP_ARIA, '').replace(CLASS_ATTRIBUTE, keptClasses));
  return unwrapBareGroups(leanRoot(drawn))
    .replace(LINE_RUN, mergeLines)
    .replace(TEXT_RUN, groupTexts)
    .replace(POLYLINE_PATH, (all, lead: string, d: string, end: string) =>
      POLYLINE.test(d) ? `${lead}${relativePolyline(d)}${end}` : all,
    );
}

/** The root without `version` and `class="marks"`, and without `xmlns:xlink` when nothing uses it. */
function leanRoot(svg: string): string {
  const usesXlink = svg.includes(' xlink:');
  return svg.replace(/^<svg\b[^>]*>/, (root) =>
    root
      .replace(/\sversion="1\.1"/, '')
      .replace(/\sclass="marks"/, '')
      .replace(/\sxmlns:xlink="[^"]*"/, (all) => (usesXlink ? all : '')),
  );
}

/** `<g><path/></g>` → `<path/>`: a group with no attribute neither places nor styles its children. */
function unwrapBareGroups(svg: string): string {
  const bare: boolean[] = [];
  return svg.replace(GROUP_BOUNDARY, (tag) => {
    if (tag === '</g>') return bare.pop() === true ? '' : tag;
    if (tag.endsWith('/>')) return tag; // an empty group (`<g clip-path="…"/>`) has no closing tag
    bare.push(tag === '<g>');
    return tag === '<g>' ? '' : tag;
  });
}

/** A group's class attribute with only the kept class names (none: no attribute). */
function keptClasses(_all: string, names: string): string {
  const kept = names.split(/\s+/).filter((name) => KEPT_CLASSES.has(name));
  return kept.length === 0 ? '' : ` class="${kept.join(' ')}"`;
}

type Attributes = [name: string, value: string][];

function attributesOf(text: string): Attributes {
  return [...text.matchAll(ATTRIBUTE)].map((m) => [m[1] as string, m[2] as string]);
}

function writeAttributes(attributes: Attributes): string {
  return attributes.map(([name, value]) => ` ${name}="${value}"`).join('');
}

/** Hundredths, as an integer (finishSvg rounded geometry to two decimals; sums stay exact this way). */
const hundredths = (value: string | undefined): number => Math.round(Number(value ?? 0) * 100);

/** A number of hundredths written in the fewest characters: `-.5`, `12`, `3.25`. */
function writeHundredths(n: number): string {
  const text = String(Math.abs(n) / 100).replace(/^0\./, '.');
  return n < 0 ? `-${text}` : text;
}

/** One path segment for a line, or undefined when the line is not placed by a bare translate. */
function lineSegment(attributes: Attributes): string | undefined {
  const get = (name: string): string | undefined => attributes.find(([n]) => n === name)?.[1];
  const transform = get('transform');
  const translate = transform === undefined ? ['', '0', '0'] : TRANSLATE.exec(transform);
  if (translate === null) return undefined;
  const x1 = hundredths(translate[1]) + hundredths(get('x1'));
  const y1 = hundredths(translate[2]) + hundredths(get('y1'));
  const dx = hundredths(get('x2')) - hundredths(get('x1'));
  const dy = hundredths(get('y2')) - hundredths(get('y1'));
  const move = `M${writeHundredths(x1)},${writeHundredths(y1)}`;
  if (dy === 0) return `${move}h${writeHundredths(dx)}`;
  if (dx === 0) return `${move}v${writeHundredths(dy)}`;
  return `${move}l${writeHundredths(dx)},${writeHundredths(dy)}`;
}

/** A run of sibling lines → one path per stretch of lines with the same style. */
function mergeLines(run: string): string {
  const lines = [...run.matchAll(LINE)].map((m) => {
    const attributes = attributesOf(m[1] as string);
    const style = attributes.filter(([name]) => !LINE_GEOMETRY.has(name));
    return { source: m[0], style: writeAttributes(style), segment: lineSegment(attributes) };
  });
  let out = '';
  for (let i = 0; i < lines.length;) {
    const first = lines[i] as (typeof lines)[number];
    let j = i;
    let d = '';
    while (j < lines.length && lines[j]?.style === first.style && lines[j]?.segment !== undefined) {
      d += lines[j]?.segment;
      j += 1;
    }
    if (j - i >= 2) {
      out += `<path d="${d}"${first.style}/>`;
      i = j;
    } else {
      out += first.source;
      i += 1;
    }
  }
  return out;
}

/** A run of sibling texts → one `<g>` with the attributes they share. */
function groupTexts(run: string): string {
  const texts = [...run.matchAll(TEXT)].map((m) => ({ attributes: attributesOf(m[1] as string), content: m[2] as string }));
  const [first, ...rest] = texts;
  if (first === undefined) return run;
  const shared = first.attributes.filter(
    ([name, value]) => INHERITED_TEXT_ATTRIBUTES.has(name) && rest.every((t) => t.attributes.some(([n, v]) => n === name && v === value)),
  );
  const sharedNames = new Set(shared.map(([name]) => name));
  const body = texts
    .map(({ attributes, content }) => {
      const own = attributes.filter(([name]) => !sharedNames.has(name));
      return `<text${writeAttributes(own)}>${content}</text>`;
    })
    .join('');
  return shared.length === 0 ? body : `<g${writeAttributes(shared)}>${body}</g>`;
}

/** `M5.2,82.88L10.4,67.83…` → `M5.2,82.88l5.2-15.05…`: relative segments between the same points (in hundredths, so no drift). */
function relativePolyline(d: string): string {
  let out = '';
  let x = 0;
  let y = 0;
  for (const match of d.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)) {
    const nx = hundredths(match[2]);
    const ny = hundredths(match[3]);
    if (out === '' || match[1] === 'M') {
      out += `M${writeHundredths(nx)},${writeHundredths(ny)}`;
    } else {
      const dy = writeHundredths(ny - y);
      out += `l${writeHundredths(nx - x)}${dy.startsWith('-') ? '' : ','}${dy}`;
    }
    x = nx;
    y = ny;
  }
  return out;
}
