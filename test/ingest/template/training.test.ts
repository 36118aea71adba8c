import { describe, expect, test } from 'vitest';
import { parseSource, validateRecord } from '../../../src/ingest/index.ts';

function infrastructure(...items: string[]) {
  const text = `**Experiment ID**: exp-1\n\n## Training Results\n\n**Training Infrastructure**:\n${items.map((item) => `- ${item}`).join('\n')}\n`;
  const parsed = parseSource(text, { file: 'exp-1.md' });
  return { infra: validateRecord(parsed, { file: 'exp-1.md' }).record?.training?.infrastructure, parsed };
}

describe('the training infrastructure list', () => {
  test('keeps a duration written with a unit as written, and in hours (25 min = 25/60 h)', () => {
    const { infra, parsed } = infrastructure('Training Duration: 25 min');
    expect(infra?.durationText).toBe('25 min');
    expect(infra?.durationHours).toBeCloseTo(0.416666666667, 12);
    expect(parsed.positions.get('training.infrastructure.durationText')).toEqual({ line: 6, column: 22 });
  });

  test.each([
    ['Training Duration: 12', { durationHours: 12 }],
    ['Training Duration: 2 days', { durationHours: 48, durationText: '2 days' }],
    ['Training Duration: [N hours]', undefined],
  ])('%s', (item, expected) => {
    expect(infrastructure(item).infra).toEqual(expected);
  });

  test.each([
    ['Hardware: 4x NVIDIA A100 GPUs', { hardware: '4x NVIDIA A100 GPUs', gpuCount: 4 }],
    ['Hardware: 1x m6i.4xlarge (CPU only)', { hardware: '1x m6i.4xlarge (CPU only)', gpuCount: 0 }],
    ['Hardware: 1x m6i.4xlarge', { hardware: '1x m6i.4xlarge' }],
  ])('%s', (item, expected) => {
    expect(infrastructure(item).infra).toEqual(expected);
  });
});

describe('the best epoch on its label line', () => {
  test('`- Best epoch: 17 (by val AUC)`: epoch 17, selected by val AUC, the text kept as written', () => {
    const text = ['**Experiment ID**: b-1', '', '## Training', '', '- Best epoch: 17 (by val AUC)'].join('\n');
    expect((parseSource(text, { file: 'b-1.md' }).data as { training: unknown }).training).toEqual({
      bestModel: { epoch: 17, selectedBy: 'val AUC', description: '17 (by val AUC)' },
    });
  });
});
