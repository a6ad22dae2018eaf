import type { GitHubClient } from '../clients/github';
import type { PrismaClient } from '../generated/prisma/client';
import { contributionFromListing, type ListingItem } from './core/contribution-from-listing';
import { recordContributions, refreshLinkedLevel } from './ledger-store';

export interface BackfillOptions {
  db: PrismaClient;
  github: GitHubClient;
  /** `owner/name`. */
  repo: string;
  /** One line per page, for stderr. */
  progress?: (line: string) => void;
  /** Items per page; GitHub's maximum is 100. */
  perPage?: number;
}

export interface BackfillResult {
  /** Pages fetched in this run, per listing. */
  pages: Record<Listing, number>;
  /** Ledger entries written in this run, per listing. */
  items: Record<Listing, number>;
  /** Listings that resumed from a saved cursor instead of page 1. */
  resumed: Listing[];
}

type Listing = 'issues' | 'pulls';

/**
 * Two listings, each paged oldest first so pages stay stable while new items arrive at the end:
 * 1. issues (state=all), which includes pull requests: authors, associations and kinds;
 * 2. closed pull requests, for the merged state the issues listing may lack.
 * https://docs.github.com/en/rest/issues/issues#list-repository-issues
 * https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
 */
const LISTINGS: { listing: Listing; route: string; params: Record<string, string> }[] = [
  { listing: 'issues', route: 'GET /repos/{owner}/{repo}/issues', params: { state: 'all', sort: 'created', direction: 'asc' } },
  { listing: 'pulls', route: 'GET /repos/{owner}/{repo}/pulls', params: { state: 'closed', sort: 'created', direction: 'asc' } },
];

/**
 * Fills the ledger for one repository. After every page the next page number is saved in BackfillCursor, so a run
 * that stops (rate limit, network, Ctrl-C) resumes where it stopped. A finished listing starts over on the next
 * run; upserts make that harmless and pick up changes.
 */
export async function backfillRepo(options: BackfillOptions): Promise<BackfillResult> {
  const { db, github, repo, progress = () => {}, perPage = 100 } = options;
  const [owner, name] = repo.split('/');
  if (!owner || !name) throw new Error(`--repo must look like owner/name, got "${repo}"`);
  const result: BackfillResult = { pages: { issues: 0, pulls: 0 }, items: { issues: 0, pulls: 0 }, resumed: [] };

  for (const { listing, route, params } of LISTINGS) {
    const cursor = await db.backfillCursor.findUnique({ where: { repo_listing: { repo, listing } } });
    let page = cursor && !cursor.done ? cursor.nextPage : 1;
    if (page > 1) {
      result.resumed.push(listing);
      progress(`${repo} ${listing}: resuming at page ${page}`);
    }
    for (;;) {
      const response = await github.request(route, { owner, repo: name, ...params, per_page: perPage, page });
      const items = response.data as ListingItem[];
      const contributions = items.map((item) => contributionFromListing(repo, item, listing)).filter((c) => c !== undefined);
      await recordContributions(db, contributions);
      const hasNext = /rel="next"/.test(String(response.headers.link ?? '')) && items.length > 0;
      await db.backfillCursor.upsert({
        where: { repo_listing: { repo, listing } },
        create: { repo, listing, nextPage: hasNext ? page + 1 : 1, done: !hasNext },
        update: { nextPage: hasNext ? page + 1 : 1, done: !hasNext },
      });
      result.pages[listing] += 1;
      result.items[listing] += contributions.length;
      progress(`${repo} ${listing}: page ${page}, ${result.items[listing]} items so far${hasNext ? '' : ', done'}`);
      if (!hasNext) break;
      page += 1;
    }
  }

  const linked = await db.contributor.findMany({ where: { levelSource: 'ledger', githubLogin: { not: null } }, select: { githubLogin: true } });
  for (const { githubLogin } of linked) await refreshLinkedLevel(db, githubLogin!);
  return result;
}
