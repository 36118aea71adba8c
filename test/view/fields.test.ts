import { describe, expect, test } from 'vitest';
import { textCell } from '../../src/view/fields.ts';

describe('textCell', () => {
  test('Markdown a person plainly meant renders: bold, code, a link', () => {
    expect(textCell('Not started yet, on **2025-02-17**.')).toEqual({
      text: 'Not started yet, on **2025-02-17**.',
      html: 'Not started yet, on <strong>2025-02-17</strong>.',
    });
    expect(textCell('Docker image: `ghcr.io/acme/train:2025.05`').html).toBe('Docker image: <code>ghcr.io/acme/train:2025.05</code>');
    expect(textCell('[notebook](https://github.com/acme/nb.ipynb)').html).toBe('<a href="https://github.com/acme/nb.ipynb">notebook</a>');
    // A list written under the text (an item's sub-points) is a list.
    expect(textCell('vessels as lesion\n\n1. 5 of 8 arterial\n2. 3 of 8 timing').html).toBe(
      '<p>vessels as lesion</p>\n<ol>\n<li>5 of 8 arterial</li>\n<li>3 of 8 timing</li>\n</ol>',
    );
  });

  test('anything else stays as written; a link with an unsafe protocol loses its href, its text stays', () => {
    for (const plain of ['lr*2*batch', 'model_v2_final', '3 * 4', '** not bold **x', '[a] (b)'])
      expect(textCell(plain)).toEqual({ text: plain });
    expect(textCell('[x](javascript:alert)').html).toBe('<a>x</a>');
    // HTML inside meant Markdown is shown as text, never parsed.
    expect(textCell('**a** <img src=x onerror=alert(1)>').html).toBe('<strong>a</strong> &#x3C;img src=x onerror=alert(1)>');
  });

  test('a web URL is a link, a storage location copyable text', () => {
    expect(textCell('https://example.com/run/1')).toEqual({ text: 'https://example.com/run/1', href: 'https://example.com/run/1' });
    expect(textCell('s3://bucket/model.pt')).toEqual({ text: 's3://bucket/model.pt', copy: true });
  });
});
