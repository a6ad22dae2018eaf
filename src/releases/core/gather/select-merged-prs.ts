import type { GatheredPr, PrCommit } from '../../types';
import type { PrNumbersFound } from './find-pr-numbers';
import { authorLogin, type CompareCommit, type GqlPr, type PrLookups } from './github-shapes';

/**
 * The release's merged PRs from what the look-ups found. Only merged PRs count; a merge subject's number counts
 * only when GitHub says that very commit merged it (fork-internal numbers belong to other repositories); a leftover
 * commit's associated PR counts only for commits of the range. Each PR once, in the order the commits name them.
 */
export function selectMergedPrs(
  found: Pick<PrNumbersFound, 'matches' | 'leftoverShas'>,
  lookups: PrLookups,
  compareCommits: readonly CompareCommit[],
): GatheredPr[] {
  const compareBySha = new Map(compareCommits.map((c) => [c.sha, c]));
  const prs = new Map<number, GatheredPr>();
  const accept = (pr: GqlPr, namingSha: string | null) => {
    if (!pr.merged || prs.has(pr.number)) return;
    const gathered = toGatheredPr(pr);
    // GitHub's squash commit repeats every co-author trailer of the squashed commits; read it from the range.
    const naming = namingSha ? compareBySha.get(namingSha) : undefined;
    if (naming && !gathered.commits.some((c) => c.sha === naming.sha)) {
      gathered.commits.push({
        sha: naming.sha,
        message: naming.commit.message,
        authorName: naming.commit.author?.name ?? null,
        authorEmail: naming.commit.author?.email ?? null,
        authorLogin: naming.author?.login ?? null,
      });
    }
    prs.set(pr.number, gathered);
  };
  for (const match of found.matches) {
    const pr = lookups.byNumber.get(match.number);
    if (!pr) continue;
    if (match.via === 'merge' && pr.mergeCommit?.oid !== match.sha) continue;
    accept(pr, match.sha);
  }
  for (const sha of found.leftoverShas) {
    const pr = lookups.byCommit.get(sha);
    if (pr && compareBySha.has(sha)) accept(pr, null);
  }
  return [...prs.values()];
}

function toGatheredPr(pr: GqlPr): GatheredPr {
  return {
    number: pr.number,
    title: pr.title,
    url: pr.url,
    authorLogin: authorLogin(pr.author),
    body: pr.body ?? '',
    labels: pr.labels?.nodes.map((l) => l.name) ?? [],
    files: pr.files?.nodes.map((f) => f.path) ?? [],
    mergedAt: pr.mergedAt,
    commits: pr.commits.nodes.map(
      ({ commit }): PrCommit => ({
        sha: commit.oid,
        message: commit.message,
        authorName: commit.author?.name ?? null,
        authorEmail: commit.author?.email ?? null,
        authorLogin: commit.author?.user?.login ?? null,
      }),
    ),
  };
}
