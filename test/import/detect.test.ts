import { describe, expect, test } from 'vitest';
import { detectSourceKind } from '../../src/import/detect.ts';
import type { DetectEffects } from '../../src/import/detect.ts';

/** A fake file system: paths ending in `/` are folders; `heads` are file starts. */
function fakeFs(paths: readonly string[], heads: Record<string, string> = {}): DetectEffects {
  const all = new Set(
    paths.flatMap((path) =>
      path.split('/').map((_, index, parts) => parts.slice(0, index + 1).join('/') + (index < parts.length - 1 ? '/' : '')),
    ),
  );
  return {
    kindOf: (path) => (all.has(`${path}/`) ? 'dir' : all.has(path) ? 'file' : undefined),
    list: (dir) =>
      [
        ...new Set(
          [...all]
            .filter((path) => path.startsWith(`${dir}/`) && path !== `${dir}/`)
            .map((path) => path.slice(dir.length + 1).split('/')[0] ?? ''),
        ),
      ].sort(),
    head: (path) => heads[path] ?? '',
  };
}

describe('detectSourceKind', () => {
  test.each([
    ['http://127.0.0.1:5000', [], 'mlflow'],
    ['sqlite:///mlflow.db', [], 'mlflow'],
    ['s/events.out.tfevents.1.host', ['s/events.out.tfevents.1.host'], 'tensorboard'],
    ['s/trainer_state.json', ['s/trainer_state.json'], 'huggingface'],
    ['s/dvc.lock', ['s/dvc.lock'], 'dvc'],
    ['s/runs.csv', ['s/runs.csv'], 'csv'],
    ['s', ['s/0/meta.yaml', 's/0/abc/meta.yaml'], 'mlflow'],
    ['s', ['s/mlruns/0/meta.yaml'], 'mlflow'],
    ['s', ['s/all_results.json', 's/runs/x/events.out.tfevents.1'], 'huggingface'],
    ['s', ['s/checkpoint-500/trainer_state.json'], 'huggingface'],
    ['s', ['s/dvc.yaml', 's/logs/events.out.tfevents.1'], 'dvc'],
    ['s', ['s/plots/metrics/acc.tsv'], 'dvc'],
    ['s', ['s/a/b/c/d/events.out.tfevents.1'], 'tensorboard'],
    ['s', ['s/a/b/c/d/e/events.out.tfevents.1'], undefined],
    ['s', ['s/notes.txt'], undefined],
    ['nothing', [], undefined],
  ])('%s with %j → %s', (source, paths, kind) => {
    expect(detectSourceKind(source, source, fakeFs(paths))).toBe(kind);
  });

  test.each([
    ['s/m.db', 'SQLite format 3\u0000...', 'mlflow'],
    ['s/README.md', '---\nlicense: mit\nmodel-index:\n- name: x\n---\n', 'huggingface'],
    ['s/README.md', '# just a readme\nmodel-index: no frontmatter\n', undefined],
    ['s/exp.json', '[{"rev": "workspace", "name": null}]', 'dvc'],
    ['s/other.json', '{"a": 1}', undefined],
  ])('%s starting with %j → %s', (path, head, kind) => {
    expect(detectSourceKind(path, path, fakeFs([path], { [path]: head }))).toBe(kind);
  });
});
