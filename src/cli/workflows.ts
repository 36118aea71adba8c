/**
 * The two GitHub workflows a repository publishes its Logbook site and pull-request summaries with.
 * `logbook init` writes them into a team's repository (using the installed package as the action,
 * `./node_modules/logbook`); this repository's own `.github/workflows/` are the same text with the
 * action at `./` (a test keeps them identical).
 *
 * Pull requests from forks get a read-only token, so the work is split as GitHub recommends: the
 * `pull_request` job runs the pull request's code with no secrets and only writes artifacts (the
 * summary, the built site); the `workflow_run` job never checks out or runs that code, and posts the
 * summary as a comment — updating only a comment its own bot wrote.
 */

/** Name of the site workflow (the comment workflow runs after it, by this name). */
export const SITE_WORKFLOW_NAME = 'Logbook';

/** `.github/workflows/logbook.yml`: builds on every push to main and deploys to GitHub Pages; on a pull request, builds and writes the summary. */
export function siteWorkflow(options: { action: string; install: string }): string {
  return `# Logbook: on every push to main, validate the experiment records, build the site and publish it to
# GitHub Pages (Settings → Pages → Source: GitHub Actions). On a pull request, validate and build the
# site (attached to the run as the "logbook-site" artifact) and write the summary that
# logbook-comment.yml posts. Settings: logbook.config.json.
name: ${SITE_WORKFLOW_NAME}

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

concurrency:
  group: logbook-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}

env:
  TZ: UTC

jobs:
  site:
    runs-on: ubuntu-latest
    steps:
      - name: Check out (full history, to compare a pull request with its base branch)
        uses: actions/checkout@v4
        with:
          fetch-depth: 0
          persist-credentials: false

      - name: Set up Node.js
        uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm

      - name: Install
        run: ${options.install}

      - name: Configure Pages
        id: pages
        if: github.event_name != 'pull_request'
        uses: actions/configure-pages@v5

      - name: Validate and build the site
        uses: ${options.action}
        with:
          setup-node: 'false'
          site: \${{ steps.pages.outputs.origin }}
          base: \${{ steps.pages.outputs.base_path }}/

      # Runs even when a record fails validation, so the comment shows its file:line errors.
      - name: Summarize the pull request
        if: github.event_name == 'pull_request' && !cancelled()
        uses: ${options.action}
        with:
          command: summary
          setup-node: 'false'

  deploy:
    if: github.event_name != 'pull_request'
    needs: site
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
`;
}

/** `.github/workflows/logbook-comment.yml`: posts a pull request's summary as one comment, kept up to date. */
export function commentWorkflow(): string {
  return `# Logbook: posts the summary the "${SITE_WORKFLOW_NAME}" workflow wrote for a pull request as one comment, updated
# on every push. It runs in the base repository with a write token, so it never checks out or runs
# the pull request's code: it only reads the summary artifact, and only updates a comment written by
# this workflow's own bot (anyone can paste the hidden marker into a comment).
name: Logbook comment

on:
  workflow_run:
    workflows: [${SITE_WORKFLOW_NAME}]
    types: [completed]

permissions:
  actions: read
  pull-requests: write

jobs:
  comment:
    if: github.event.workflow_run.event == 'pull_request' && github.event.workflow_run.conclusion != 'cancelled'
    runs-on: ubuntu-latest
    steps:
      - name: Download the summary
        uses: actions/download-artifact@v4
        with:
          name: logbook-summary
          path: logbook-summary
          run-id: \${{ github.event.workflow_run.id }}
          github-token: \${{ github.token }}

      - name: Post or update the comment
        uses: actions/github-script@v7
        with:
          script: |
            const fs = require('node:fs');
            const marker = '<!-- logbook-summary -->';
            const bot = 'github-actions[bot]';
            const limit = 65000; // GitHub refuses comment bodies over 65,536 characters
            const read = (name) => fs.readFileSync(\`logbook-summary/\${name}\`, 'utf8').trim();
            const number = Number(read('pr-number'));
            if (!Number.isSafeInteger(number) || number <= 0) throw new Error('the summary artifact has no pull request number');
            const { owner, repo } = context.repo;
            const run = context.payload.workflow_run;
            const { data: pull } = await github.rest.pulls.get({ owner, repo, pull_number: number });
            // The artifact comes from the pull request's own code: only trust it for the commit it was built from.
            if (pull.head.sha !== run.head_sha || read('head-sha') !== run.head_sha) {
              core.info(\`Pull request #\${number} is not at \${run.head_sha} any more; not commenting.\`);
              return;
            }
            let summary = read('summary.md').replace(/@(?=[A-Za-z0-9])/g, '@\\u200b');
            if (summary.length > limit) summary = \`\${summary.slice(0, limit)}\\n\\n_(summary truncated)_\`;
            const body = summary.startsWith(marker) ? \`\${summary}\\n\` : \`\${marker}\\n\${summary}\\n\`;
            const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
            const ours = comments.find((c) => c.user?.login === bot && c.user?.type === 'Bot' && c.body?.includes(marker));
            if (ours) {
              await github.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body });
              core.info(\`Updated \${ours.html_url}\`);
            } else {
              const { data } = await github.rest.issues.createComment({ owner, repo, issue_number: number, body });
              core.info(\`Created \${data.html_url}\`);
            }
`;
}
