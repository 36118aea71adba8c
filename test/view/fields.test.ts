import { describe, expect, test } from 'vitest';
import { textCell } from '../../src/view/fields.ts';

describe('textCell', () => {
  test('Markdown a person plainly meant renders: bold, code, an http(s) link, a list under the text', () => {
    expect(textCell('Not started yet, on **2025-02-17**.')).toEqual({
      text: 'Not started yet, on **2025-02-17**.',
      html: 'Not started yet, on <strong>2025-02-17</strong>.',
    });
    expect(textCell('Docker image: `ghcr.io/acme/train:2025.05`').html).toBe('Docker image: <code>ghcr.io/acme/train:2025.05</code>');
    expect(textCell('[notebook](https://github.com/acme/nb_1.ipynb)').html).toBe(
      '<a href="https://github.com/acme/nb_1.ipynb">notebook</a>',
    );
    // A list written under the text (an item's sub-points) is a list.
    expect(textCell('vessels as lesion\n\n1. 5 of 8 arterial\n2. 3 of 8 timing').html).toBe(
      '<p>vessels as lesion</p><ol><li>5 of 8 arterial</li><li>3 of 8 timing</li></ol>',
    );
  });

  test('only the meant pieces become markup: the rest of the value stays as written', () => {
    expect(textCell('**Note**: shards /data/*.csv and /logs/*.txt').html).toBe('<strong>Note</strong>: shards /data/*.csv and /logs/*.txt');
    expect(textCell('see `train.py`; ckpt/__init__.pt and __pycache__').html).toBe(
      'see <code>train.py</code>; ckpt/__init__.pt and __pycache__',
    );
    expect(textCell('`config.yaml` and 2*3*4').html).toBe('<code>config.yaml</code> and 2*3*4');
  });

  test('exponents, globs, search ranges and unsafe links are no Markdown; HTML is shown as text', () => {
    for (const plain of [
      'x**2 + y**2',
      '/mnt/data/**/train/**/*.JPEG',
      'lr*2*batch',
      'model_v2_final',
      '** not bold **x',
      '[1e-5, 1e-2](log)',
      'range [0, 1](uniform)',
      '[x](javascript:alert(1))',
      'run `a`\n---',
    ])
      expect(textCell(plain), plain).toEqual({ text: plain });
    expect(textCell('**a** <img src=x onerror=alert(1)>').html).toBe('<strong>a</strong> &lt;img src=x onerror=alert(1)&gt;');
  });

  test('a web URL is a link, a storage location copyable text', () => {
    expect(textCell('https://example.com/run/1')).toEqual({ text: 'https://example.com/run/1', href: 'https://example.com/run/1' });
    expect(textCell('s3://bucket/model.pt')).toEqual({ text: 's3://bucket/model.pt', copy: true });
  });
});
