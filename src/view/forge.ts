/**
 * Links into a code forge: the web page of a repository and of one of its commits, for the forges
 * whose URL layout is known — GitHub, GitLab (gitlab.com and hosts named `gitlab.*`), Bitbucket, and
 * Gitea/Forgejo (Codeberg, gitea.com, and hosts named `gitea.*` / `forgejo.*`). A repository written
 * as an SSH remote (`git@github.com:org/repo.git`, `ssh://git@host/org/repo`) is understood too.
 */

type Forge = 'github' | 'gitlab' | 'bitbucket' | 'gitea';

/** How each forge addresses a commit, after the repository's web URL. */
const COMMIT_PATH: Readonly<Record<Forge, string>> = {
  github: '/commit/',
  gitlab: '/-/commit/',
  bitbucket: '/commits/',
  gitea: '/commit/',
};

function forgeOf(host: string): Forge | undefined {
  const h = host.toLowerCase();
  if (h === 'github.com' || h === 'www.github.com') return 'github';
  if (h === 'gitlab.com' || h.startsWith('gitlab.')) return 'gitlab';
  if (h === 'bitbucket.org' || h === 'www.bitbucket.org') return 'bitbucket';
  if (h === 'codeberg.org' || h === 'gitea.com' || h.startsWith('gitea.') || h.startsWith('forgejo.')) return 'gitea';
  return undefined;
}

/** Host and `owner/…/name` path of a repository address, from an https, SSH or scp-like remote. */
function parseRemote(repository: string): { host: string; path: string } | undefined {
  const text = repository.trim();
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+)$/.exec(text);
  const url = scp ? undefined : /^(?:https?|ssh|git):\/\/(?:[^@/\s]+@)?([\w.-]+)(?::\d+)?\/(.+)$/i.exec(text);
  const match = scp ?? url;
  if (!match) return undefined;
  const path = (match[2] as string).replace(/\.git\/?$/i, '').replace(/\/+$/, '');
  // owner/name at least; only ordinary path characters (no query, fragment or spaces).
  if (!/^[\w.-]+(\/[\w.-]+)+$/.test(path)) return undefined;
  return { host: match[1] as string, path };
}

/** The repository's web page on a known forge (`https://github.com/org/repo`), or undefined. */
export function repositoryUrl(repository: string): string | undefined {
  const remote = parseRemote(repository);
  if (!remote || forgeOf(remote.host) === undefined) return undefined;
  return `https://${remote.host.toLowerCase()}/${remote.path}`;
}

/**
 * The web page of `commit` in `repository` on a known forge, or undefined when the forge is unknown
 * or the commit is not a 7–64 digit hexadecimal hash (a tag or branch name is not linked).
 */
export function commitUrl(repository: string, commit: string): string | undefined {
  const sha = commit.trim();
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return undefined;
  const remote = parseRemote(repository);
  const forge = remote ? forgeOf(remote.host) : undefined;
  if (!remote || forge === undefined) return undefined;
  return `https://${remote.host.toLowerCase()}/${remote.path}${COMMIT_PATH[forge]}${sha}`;
}
