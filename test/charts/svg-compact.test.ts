import { describe, expect, test } from 'vitest';
import { compactSvg } from '../../src/charts/svg-compact.ts';

const GRID = 'stroke="#6e7781" stroke-opacity="0.25" stroke-width="1"';

describe('compactSvg: lines', () => {
  test('a run of grid lines with one style becomes one path of h/v segments at the same places', () => {
    const svg =
      `<g class="mark-rule role-axis-grid">` +
      `<line transform="translate(0,-200)" x2="0" y2="200" ${GRID}/>` +
      `<line transform="translate(52,-200)" x2="0" y2="200" ${GRID}/>` +
      `<line transform="translate(104.5,-200)" x2="0" y2="200" ${GRID}/>` +
      `</g>`;
    // Each line starts at its translate (x1 = y1 = 0) and runs to (x2, y2) from there: vertical, 200 px.
    // The group's class names style nothing: they go, and so does the group, left with no attribute.
    expect(compactSvg(svg)).toBe(`<path d="M0,-200v200M52,-200v200M104.5,-200v200" ${GRID}/>`);
  });

  test('horizontal and slanted lines, x1/y1 and a line without a transform', () => {
    const svg = `<line x2="520" y2="0" ${GRID}/><line transform="translate(0,185)" x1="10" y1="5" x2="30" y2="-0.5" ${GRID}/>`;
    // Second line: from (0+10, 185+5) = (10, 190) by (30−10, −0.5−5) = (20, −5.5).
    expect(compactSvg(svg)).toBe(`<path d="M0,0h520M10,190l20,-5.5" ${GRID}/>`);
  });

  test('lines of different styles stay apart; a lone line and a rotated one are left as they were', () => {
    const red = `<line transform="translate(1,2)" x2="5" y2="0" stroke="#dc2626"/>`;
    const blue = (x: number): string => `<line transform="translate(${x},2)" x2="0" y2="5" stroke="#3b82f6"/>`;
    const rotated = `<line transform="rotate(45)" x2="5" y2="0" stroke="#3b82f6"/>`;
    expect(compactSvg(red + blue(1) + blue(3) + rotated + blue(9))).toBe(
      `${red}<path d="M1,2v5M3,2v5" stroke="#3b82f6"/>${rotated}${blue(9)}`,
    );
  });

  test('sums of two-decimal coordinates are exact (no 0.30000000000000004)', () => {
    const line = (x: number): string => `<line transform="translate(${x},0.2)" x1="0.1" x2="0.1" y2="1"/>`;
    // (0.2 + 0.1, 0.2) down by 1; (0.05 + 0.1, 0.2) down by 1: in floating point 0.2 + 0.1 is 0.30000000000000004.
    expect(compactSvg(line(0.2) + line(0.05))).toBe('<path d="M.3,.2v1M.15,.2v1"/>');
  });
});

describe('compactSvg: texts', () => {
  test('attributes every text of a run shares move to a <g>; each keeps its transform', () => {
    const label = (x: number, text: string): string =>
      `<text text-anchor="middle" transform="translate(${x},15)" font-size="11px" fill="#1f2328">${text}</text>`;
    expect(compactSvg(label(0, '0') + label(52, '10') + label(104, '20'))).toBe(
      '<g text-anchor="middle" font-size="11px" fill="#1f2328"><text transform="translate(0,15)">0</text><text transform="translate(52,15)">10</text><text transform="translate(104,15)">20</text></g>',
    );
  });

  test('what differs stays on each text; opacity and rotated transforms are never moved', () => {
    const svg =
      '<text transform="translate(0,-3) rotate(-90)" font-size="11px" fill="#fefefe" opacity="0.5">a &amp; b</text>' +
      '<text x="4" transform="translate(1,2)" font-size="11px" fill="#1f2328" opacity="0.5">c</text>';
    expect(compactSvg(svg)).toBe(
      '<g font-size="11px"><text transform="translate(0,-3) rotate(-90)" fill="#fefefe" opacity="0.5">a &amp; b</text>' +
        '<text x="4" transform="translate(1,2)" fill="#1f2328" opacity="0.5">c</text></g>',
    );
  });

  test('texts at opacity 0 (labels the overlap removal hid) go; fill-opacity 0 and opacity 0.05 stay', () => {
    const label = (x: number, text: string, extra = ''): string =>
      `<text text-anchor="middle" transform="translate(${x},16)"${extra}>${text}</text>`;
    const svg = label(0, '0.9830') + label(36, '0.9835', ' opacity="0"') + label(72, '0.9840') + label(108, '0.9845', ' fill-opacity="0"');
    expect(compactSvg(svg)).toBe(
      '<g text-anchor="middle"><text transform="translate(0,16)">0.9830</text><text transform="translate(72,16)">0.9840</text>' +
        '<text transform="translate(108,16)" fill-opacity="0">0.9845</text></g>',
    );
    expect(compactSvg(label(0, 'a', ' opacity="0.05"'))).toBe(label(0, 'a', ' opacity="0.05"'));
  });

  test('texts that share nothing inheritable are not wrapped; a lone text is left alone', () => {
    const svg = '<text transform="translate(1,2)" opacity="0.5">a</text><text transform="translate(3,4)">b</text>';
    expect(compactSvg(svg)).toBe(svg);
    const lone = '<text transform="translate(1,2)" fill="#1f2328">a</text>';
    expect(compactSvg(lone)).toBe(lone);
  });
});

describe('compactSvg: polylines and leftovers', () => {
  test('a line mark becomes relative segments between the same points', () => {
    // Points (5.2, 82.88) (10.4, 67.83) (15.6, 67.83) (20.84, 70): steps (+5.2, −15.05) (+5.2, 0) (+5.24, +2.17).
    const svg = '<path d="M5.2,82.88L10.4,67.83L15.6,67.83L20.84,70" stroke="#4c78a8" stroke-width="2"/>';
    expect(compactSvg(svg)).toBe('<path d="M5.2,82.88l5.2-15.05l5.2,0l5.24,2.17" stroke="#4c78a8" stroke-width="2"/>');
  });

  test('a gap (a second M) starts again from an absolute point; curves and arcs are left as they were', () => {
    expect(compactSvg('<path d="M0,0L1,1M5,5L6,4"/>')).toBe('<path d="M0,0l1,1M5,5l1-1"/>');
    const arc = '<path d="M3.87,0A3.87,3.87,0,1,1,-3.87,0A3.87,3.87,0,1,1,3.87,0"/>';
    const rect = '<path d="M0,0h520v200h-520Z"/>';
    expect(compactSvg(arc + rect)).toBe(arc + rect);
  });

  test("Vega's empty hit-test paths, inner groups' ARIA attributes and unstyled class names are dropped; the root's label and text roles stay", () => {
    const svg =
      '<svg role="img" aria-label="Chart"><g class="mark-text role-title-text" role="graphics-object" aria-label="Title text \'F1\'">' +
      '<path class="foreground" d="" display="none"/></g></svg>';
    expect(compactSvg(svg)).toBe('<svg role="img" aria-label="Chart"><g class="role-title-text"></g></svg>');
    expect(compactSvg('<g class="mark-group role-axis"><g class="mark-text role-axis-label child_layer_0_marks"></g></g>')).toBe(
      '<g class="role-axis-label"></g>',
    );
  });

  test('groups with no attribute give their children to their parent; groups that place or style keep them', () => {
    const svg = '<g><g transform="translate(1,2)"><g><path d="M0,0h5"/></g><g fill="#1f2328"><g><text>a</text></g></g></g><g></g></g>';
    expect(compactSvg(svg)).toBe('<g transform="translate(1,2)"><path d="M0,0h5"/><g fill="#1f2328"><text>a</text></g></g>');
    // An empty group written self-closed has no closing tag: the groups after it keep their own.
    const legend = '<g><g clip-path="url(#c)"/></g><g><g transform="translate(0,181)"><g><path d="M0,0h5"/></g></g></g>';
    expect(compactSvg(legend)).toBe('<g clip-path="url(#c)"/><g transform="translate(0,181)"><path d="M0,0h5"/></g>');
  });

  test('texts with no content (a log axis hides most labels) are dropped; a text with content stays', () => {
    const hidden = '<text text-anchor="end" transform="translate(-7,179.14)" font-size="11px" fill="#1f2328"/>';
    const empty = '<text transform="translate(-7,172.9)"></text>';
    const shown = '<text transform="translate(-7,153)">0.00001</text>';
    expect(compactSvg(`<g transform="translate(1,1)">${hidden}${shown}${empty}</g>`)).toBe(`<g transform="translate(1,1)">${shown}</g>`);
  });

  test("a group's background without fill or stroke goes when the root fills nothing; a filled one stays", () => {
    const bare = '<path class="background" d="M0,0h520v200h-520Z"/>';
    const filled = '<path class="background" d="M0,0h10v10h-10Z" fill="#ffffff"/>';
    const root = '<svg width="5" height="5"><rect width="5" height="5" fill="#ffffff"/>';
    expect(compactSvg(`${root}<g fill="none" transform="translate(1,1)"><g class="x">${bare}${filled}</g></g></svg>`)).toBe(
      `${root}<g fill="none" transform="translate(1,1)">${filled}</g></svg>`,
    );
    // Without the root's fill="none", the bare background would be filled black: it stays.
    expect(compactSvg(`<svg><g transform="translate(1,1)"><g class="x">${bare}</g></g></svg>`)).toBe(
      `<svg><g transform="translate(1,1)">${bare}</g></svg>`,
    );
  });

  test('the root loses version, class and an unused xlink namespace; a used one stays', () => {
    const root =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" width="5" height="5">';
    expect(compactSvg(`${root}<path d="M0,0h5"/></svg>`)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="5" height="5"><path d="M0,0h5"/></svg>',
    );
    expect(compactSvg(`${root}<use xlink:href="#a"/></svg>`)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="5" height="5"><use xlink:href="#a"/></svg>',
    );
  });
});
