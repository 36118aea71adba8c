/**
 * `npm run lint:action` — shellcheck on every `run:` script of action.yml (actionlint checks workflow
 * files, not a composite action's own scripts). `${{ … }}` expressions are replaced by a quoted
 * variable first, as the runner substitutes text there. Exits 1 when shellcheck finds anything.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Step {
  name?: string;
  run?: string;
  shell?: string;
}

const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { runs: { steps: Step[] } };
let problems = 0;
for (const step of action.runs.steps) {
  if (step.run === undefined) continue;
  const script = `#!/usr/bin/env ${step.shell ?? 'bash'}\n${step.run.replace(/\$\{\{[^}]*\}\}/g, '"$EXPRESSION"')}`;
  const result = spawnSync('shellcheck', ['--shell=bash', '-'], { input: script, encoding: 'utf8' });
  if (result.error !== undefined) {
    process.stderr.write(`lint:action: shellcheck is not installed (apt-get install shellcheck)\n`);
    process.exit(1);
  }
  if (result.status !== 0) {
    problems++;
    process.stderr.write(`lint:action: step "${step.name ?? '?'}":\n${result.stdout}\n`);
  }
}
process.stderr.write(
  `lint:action: ${action.runs.steps.filter((s) => s.run !== undefined).length} run scripts, ${problems} with problems\n`,
);
process.exitCode = problems > 0 ? 1 : 0;
