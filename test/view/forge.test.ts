import { describe, expect, test } from 'vitest';
import { commitUrl, repositoryUrl } from '../../src/view/forge.ts';

const SHA = '4f9c2e1a7b3d5e6f8091a2b3c4d5e6f708192a3b';

describe('commitUrl', () => {
  test.each([
    ['https://github.com/org/repo', `https://github.com/org/repo/commit/${SHA}`],
    ['https://github.com/org/repo.git', `https://github.com/org/repo/commit/${SHA}`],
    ['https://github.com/org/repo/', `https://github.com/org/repo/commit/${SHA}`],
    ['git@github.com:org/repo.git', `https://github.com/org/repo/commit/${SHA}`],
    ['ssh://git@github.com/org/repo.git', `https://github.com/org/repo/commit/${SHA}`],
    ['https://gitlab.com/group/sub/repo', `https://gitlab.com/group/sub/repo/-/commit/${SHA}`],
    ['git@gitlab.example.org:group/repo.git', `https://gitlab.example.org/group/repo/-/commit/${SHA}`],
    ['https://bitbucket.org/team/repo', `https://bitbucket.org/team/repo/commits/${SHA}`],
    ['https://codeberg.org/org/repo', `https://codeberg.org/org/repo/commit/${SHA}`],
    ['https://gitea.com/org/repo', `https://gitea.com/org/repo/commit/${SHA}`],
    ['https://forgejo.example.net/org/repo', `https://forgejo.example.net/org/repo/commit/${SHA}`],
    ['https://GitHub.com/Org/Repo', `https://github.com/Org/Repo/commit/${SHA}`],
  ])('%s', (repository, url) => {
    expect(commitUrl(repository, SHA)).toBe(url);
  });

  test('a short hash is linked too', () => {
    expect(commitUrl('https://github.com/org/repo', '4f9c2e1')).toBe('https://github.com/org/repo/commit/4f9c2e1');
  });

  test.each([
    ['an unknown forge', 'https://git.example.com/org/repo', SHA],
    ['a repository without owner/name', 'https://github.com/repo', SHA],
    ['a local path', '/srv/git/repo', SHA],
    ['a branch name instead of a hash', 'https://github.com/org/repo', 'main'],
    ['a hash with other characters', 'https://github.com/org/repo', '4f9c2e1"><x'],
    ['a query in the repository', 'https://github.com/org/repo?x=1', SHA],
    ['a javascript: URL', 'javascript:alert(1)//github.com/a/b', SHA],
  ])('no link for %s', (_what, repository, commit) => {
    expect(commitUrl(repository, commit)).toBeUndefined();
  });
});

describe('repositoryUrl', () => {
  test('turns an SSH remote into the web page and leaves unknown forges alone', () => {
    expect(repositoryUrl('git@github.com:org/repo.git')).toBe('https://github.com/org/repo');
    expect(repositoryUrl('https://gitlab.com/group/sub/repo.git')).toBe('https://gitlab.com/group/sub/repo');
    expect(repositoryUrl('https://git.example.com/org/repo')).toBeUndefined();
    expect(repositoryUrl('not a url')).toBeUndefined();
  });
});
