import { describe, expect, test } from 'vitest';
import { decodeEntities, readHtmlTable } from '../../src/util/html-table.ts';

const texts = (html: string) => {
  const table = readHtmlTable(html);
  return table === undefined ? undefined : { header: table.header.map((c) => c.text), rows: table.rows.map((r) => r.map((c) => c.text)) };
};

describe('readHtmlTable', () => {
  test("pandas' to_html: the default index column goes, the header row stays", () => {
    const html = [
      '<table border="1" class="dataframe">',
      '  <thead>',
      '    <tr style="text-align: right;">',
      '      <th></th>',
      '      <th>param</th>',
      '      <th>value</th>',
      '    </tr>',
      '  </thead>',
      '  <tbody>',
      '    <tr>',
      '      <th>0</th>',
      '      <td>max_depth</td>',
      '      <td>8</td>',
      '    </tr>',
      '    <tr>',
      '      <th>1</th>',
      '      <td>eta</td>',
      '      <td>0.05</td>',
      '    </tr>',
      '  </tbody>',
      '</table>',
    ].join('\n');
    expect(texts(html)).toEqual({
      header: ['param', 'value'],
      rows: [
        ['max_depth', '8'],
        ['eta', '0.05'],
      ],
    });
    // Each cell's text is placed where it is written.
    const cell = readHtmlTable(html)?.rows[1]?.[1];
    expect(html.slice(cell?.offset, cell?.end)).toBe('0.05');
  });

  test("a named index: its name (pandas' second header row) heads the first column", () => {
    const html =
      '<table><thead><tr><th></th><th>value</th></tr><tr><th>param</th><th></th></tr></thead>' +
      '<tbody><tr><th>lr</th><td>0.1</td></tr><tr><th>seed</th><td>7</td></tr></tbody></table>';
    expect(texts(html)).toEqual({
      header: ['param', 'value'],
      rows: [
        ['lr', '0.1'],
        ['seed', '7'],
      ],
    });
  });

  test('column spans (a MultiIndex header) are repeated, their names joined; row spans fill down', () => {
    const html =
      '<table><thead><tr><th></th><th colspan="2">accuracy</th></tr><tr><th>fold</th><th>mean</th><th>std</th></tr></thead>' +
      '<tbody><tr><th rowspan="2">A</th><td>0.9</td><td>0.01</td></tr><tr><td>0.8</td><td>0.02</td></tr></tbody></table>';
    expect(texts(html)).toEqual({
      header: ['fold', 'accuracy mean', 'accuracy std'],
      rows: [
        ['A', '0.9', '0.01'],
        ['A', '0.8', '0.02'],
      ],
    });
  });

  test("a notebook's wrapper (div, scoped style) around the table; no thead: a first row of th is the header", () => {
    const html =
      '<div>\n<style scoped>\n  .dataframe tbody tr th { vertical-align: top; }\n</style>\n<table><tr><th>Split</th><th>Rows</th></tr><tr><td>Train</td><td>10</td></tr></table>\n</div>';
    expect(texts(html)).toEqual({ header: ['Split', 'Rows'], rows: [['Train', '10']] });
  });

  test('entities are decoded to text: an escaped script is text, never markup', () => {
    expect(
      texts(
        '<table><tr><th>a &amp; b</th></tr><tr><td>&lt;script&gt;alert(1)&lt;/script&gt; &#955; &#x3bb; 0.9&plusmn;0.1 &copy;</td></tr></table>',
      ),
    ).toEqual({
      header: ['a & b'],
      rows: [['<script>alert(1)</script> λ λ 0.9±0.1 &copy;']],
    });
    expect(decodeEntities('&#0; &#xD800; &#1114112;')).toBe('&#0; &#xD800; &#1114112;');
  });

  test("a wiki's export: cells in <p>, headers in <strong>, line breaks — their text is read, the markup dropped", () => {
    const html = [
      '<table class="confluenceTable"><tbody>',
      '<tr><th class="confluenceTh"><p><strong>Metric</strong></p></th><th class="confluenceTh"><p><strong>95% CI</strong></p></th></tr>',
      '<tr><td class="confluenceTd"><p>nDCG@10</p></td><td class="confluenceTd"><p>&plusmn;0.0031</p></td></tr>',
      '<tr><td><p>F1</p><p>(macro)</p></td><td><span style="color:red">0.811</span><br/>thr <em>0.42</em></td></tr>',
      '<tr><td><p>&nbsp;</p></td><td>  <a href="javascript:alert(1)">link</a> </td></tr>',
      '</tbody></table>',
    ].join('\n');
    expect(texts(html)).toEqual({
      header: ['Metric', '95% CI'],
      rows: [
        ['nDCG@10', '±0.0031'],
        ['F1 (macro)', '0.811 thr 0.42'],
        ['', 'link'],
      ],
    });
    // The text is placed from its first written character to its last, past the markup.
    const table = readHtmlTable(html);
    const cell = table?.rows[1]?.[1];
    expect(html.slice(cell?.offset, cell?.end)).toBe('0.811</span><br/>thr <em>0.42');
  });

  test('anything but a table of text is not one', () => {
    for (const html of [
      '<table><tr><th>a</th></tr><tr><td><img src=x onerror=alert(1)>1</td></tr></table>', // markup in a cell that is not inline text
      '<table><tr><th>a</th></tr><tr><td><script>alert(1)</script></td></tr></table>',
      '<table><tr><th>a</th></tr><tr><td><table><tr><td>1</td></tr></table></td></tr></table>', // a table in a cell
      '<table><tr><th>a</th></tr><tr><td onclick="x()">1</td></tr></table><script>x()</script>', // something after it
      'Text <table><tr><th>a</th></tr><tr><td>1</td></tr></table>', // text before it
      '<table><tr><th>a</th></tr></table>', // a header and no rows
      '<table><tr><th>a</th><tr><td>1</td></tr></table>', // a row inside a row
      '<table><tr><th>a</th></tr>stray<tr><td>1</td></tr></table>',
      '<table><tr><th>a</th></tr><tr><td>1</td></tr>',
      '<img src=x onerror=alert(1)>',
    ])
      expect(texts(html), html).toBeUndefined();
  });

  test('a hostile span does not build a huge grid', () => {
    const table = readHtmlTable('<table><tr><th colspan="99999999">a</th></tr><tr><td>1</td></tr></table>');
    expect(table?.header).toHaveLength(1000);
    expect(table?.rows[0]).toHaveLength(1000);
    const wide = `<table><tr>${'<th colspan="1000">a</th>'.repeat(200)}</tr><tr><td>1</td></tr></table>`;
    expect(readHtmlTable(wide)).toBeUndefined();
    const tall = `<table><tr><th rowspan="1000">a</th>${'<th colspan="1000">b</th>'.repeat(99)}</tr>${'<tr><td>1</td></tr>'.repeat(999)}</table>`;
    expect(readHtmlTable(tall)).toBeUndefined();
    const padded = `<table><tr>${'<th colspan="1000">a</th>'.repeat(50)}</tr>${'<tr><td>1</td></tr>'.repeat(10)}</table>`;
    expect(readHtmlTable(padded)).toBeUndefined();
  });
});
