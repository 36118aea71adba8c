/** Every line the `logbook` command prints about itself, as functions, so tests assert the exact text. */

export const unknownOption = (option: string): string => `unknown option ${option}`;
export const missingValue = (option: string): string => `${option} needs a value`;
export const unexpectedArgument = (arg: string): string => `unexpected argument ${JSON.stringify(arg)}`;

export const configNotFound = (command: string, file: string): string => `${command}: config file not found: ${file}`;
export const configInvalid = (command: string, file: string): string => `${command}: ${file} has errors; fix them and run again`;

export const unknownCommand = (name: string, suggestion: string | undefined): string =>
  `logbook: unknown command ${JSON.stringify(name)}${suggestion === undefined ? '' : ` — did you mean "${suggestion}"?`}`;

export const buildDone = (seconds: number, outDir: string): string => `logbook: site written to ${outDir} in ${seconds.toFixed(1)} s`;
export const stepTime = (step: string, seconds: number): string => `logbook: ${step} in ${seconds.toFixed(1)} s`;
/** A build above `LARGE_SITE_EXPERIMENTS` that turned the size settings it was not given off. */
export const largeSite = (experiments: number, limit: number, turnedOff: readonly string[]): string => {
  const what = turnedOff.map((key) =>
    key === 'staticCharts'
      ? 'charts are drawn in the browser (their data tables without JavaScript)'
      : 'comparisons open the in-browser compare page',
  );
  const keep = turnedOff.map((key) => `"${key}": true`).join(' and ');
  return `logbook: ${experiments.toLocaleString('en-US')} experiments, more than ${limit.toLocaleString('en-US')}: ${what.join(', and ')}, to keep the site within GitHub Pages' limits — set ${keep} in logbook.config.json to keep what smaller sites have`;
};
export const buildFailed = (reason: string): string => `build: ${reason}`;
export const noSite = (outDir: string): string => `preview: no site in ${outDir} — run "logbook build" first`;
/** The site in the output folder was built for another base path than the settings give. */
export const previewBuiltBase = (outDir: string, built: string, configured: string): string =>
  `preview: the site in ${outDir} was built for the base path ${built} (the settings say ${configured}): serving it there, where its links point (--base overrides)`;

export const initWrote = (path: string): string => `wrote ${path}`;
export const initKept = (path: string): string => `kept ${path} (it exists already)`;
export const initIgnored = (lines: readonly string[]): string => `added to .gitignore: ${lines.join(' ')}`;
export const initNoPagesAddress = (): string =>
  'note: no GitHub "origin" remote, so logbook.config.json has no "site" and "base": set them to the site\'s GitHub Pages address (e.g. "site": "https://org.github.io", "base": "/repo/") — the pull-request summary links to pages only with "site"';
export const initNoPackageJson = (): string =>
  'note: no package.json here, and .github/workflows/logbook.yml installs Logbook with "npm ci" and runs the action from node_modules/logbook — add one ("npm init -y && npm i -D logbook node@22", or the tarball you installed from), or change its "uses: ./node_modules/logbook" to the action\'s repository ("<owner>/logbook@<ref>") and drop "npm ci"';
export const initNext = (content: string, example: string): string =>
  [
    'Next:',
    `  npx logbook validate             check the records in ${content}/ (start from ${example})`,
    '  npx logbook build && npx logbook preview   build the site and look at it',
    '  git add -A && git commit         the workflows publish to GitHub Pages (Settings → Pages → Source: GitHub Actions)',
  ].join('\n');

/** A content or output folder inside the repository that is a symbolic link out of it. */
export const folderLinksOutside = (name: 'content' | 'output', folder: string, real: string): string =>
  `the ${name} folder "${folder}" is a symbolic link (or lies under one) to ${real}, outside this repository; a pull request can commit such a link, so Logbook does not follow it — give the folder itself, or its real path by ${name === 'content' ? 'the <folder> argument or LOGBOOK_CONTENT' : '--out or LOGBOOK_OUT_DIR'}`;
