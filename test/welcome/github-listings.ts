// Repository listings for the fake GitHub: `GET /repos/:o/:r/issues` (issues and PRs) and `GET /repos/:o/:r/pulls`.
import { paginate, type FakeGitHub } from '../support/fake-github';

export interface ListedItem {
  number: number;
  login: string;
  association: string;
  createdAt: string;
  /** Set for pull requests. */
  pr?: { mergedAt?: string };
  /** Set for closed items. */
  closedAt?: string;
}

/**
 * `count` items numbered from 1: every third is a PR, every sixth a merged PR, and every PR is closed (merged or
 * not); other items divisible by 5 are closed issues. Seven authors take turns.
 */
export function aRepositoryHistory(count: number): ListedItem[] {
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    return {
      number,
      login: `user${number % 7}`,
      association: number % 2 ? 'CONTRIBUTOR' : 'NONE',
      createdAt: new Date(Date.UTC(2024, 0, 1) + number * 3_600_000).toISOString(),
      pr: number % 3 === 0 ? { mergedAt: number % 6 === 0 ? new Date(Date.UTC(2024, 6, 1) + number * 3_600_000).toISOString() : undefined } : undefined,
      closedAt: number % 3 === 0 || number % 5 === 0 ? new Date(Date.UTC(2024, 6, 1) + number * 3_600_000).toISOString() : undefined,
    };
  });
}

/**
 * Serves the history the way GitHub does: the issues listing includes PRs (with a `pull_request` object, here
 * without merged_at, as older API versions send it), and the pulls listing with state=closed has merged_at.
 */
export function serveListings(github: FakeGitHub, repo: string, items: ListedItem[], onPage?: (listing: string, page: number) => void): void {
  github.route('GET', `/repos/${repo}/issues`, ({ query }) => {
    onPage?.('issues', Number(query.get('page') ?? 1));
    const listed = items.map((item) => ({
      number: item.number,
      user: { login: item.login },
      author_association: item.association,
      created_at: item.createdAt,
      state: item.closedAt ? 'closed' : 'open',
      closed_at: item.closedAt ?? null,
      ...(item.pr ? { pull_request: { url: `https://api.github.com/repos/${repo}/pulls/${item.number}` } } : {}),
    }));
    return paginate(github.apiUrl, `/repos/${repo}/issues`, listed, query);
  });
  github.route('GET', `/repos/${repo}/pulls`, ({ query }) => {
    onPage?.('pulls', Number(query.get('page') ?? 1));
    const closed = items
      .filter((item) => item.pr)
      .map((item) => ({
        number: item.number, user: { login: item.login }, author_association: item.association, created_at: item.createdAt,
        merged_at: item.pr!.mergedAt ?? null, state: 'closed', closed_at: item.closedAt,
      }));
    return paginate(github.apiUrl, `/repos/${repo}/pulls`, closed, query);
  });
}
