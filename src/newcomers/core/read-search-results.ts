/**
 * The start-up search for items that were open before podbot was installed (or opened while it was down): one query
 * per repository, the oldest open items of the last `lookbackDays` first, up to 100 of them.
 * https://docs.github.com/en/rest/search/search#search-issues-and-pull-requests
 * (Issues and pull requests together in one query; GitHub requires `is:issue` or `is:pull-request` only for
 * user-to-server App tokens, which podbot does not use.)
 */
export function buildPickUpQuery(repo: string, now: Date, lookbackDays: number): { q: string; sort: 'created'; order: 'asc'; per_page: number } {
  const since = new Date(now.getTime() - lookbackDays * 86_400_000).toISOString().slice(0, 10);
  return { q: `repo:${repo} is:open created:>=${since}`, sort: 'created', order: 'asc', per_page: 100 };
}

/** An item of the search answer, as far as the watch cares. */
export interface SearchItem {
  number?: unknown;
  title?: unknown;
  html_url?: unknown;
  user?: { login?: unknown; type?: unknown } | null;
  author_association?: unknown;
  created_at?: unknown;
  comments?: unknown;
  labels?: unknown;
  pull_request?: unknown;
}

export interface FoundItem {
  repo: string;
  number: number;
  kind: 'issue' | 'pr';
  authorLogin: string;
  authorIsBot: boolean;
  association: string;
  title: string;
  url: string;
  openedAt: Date;
  labels: string[];
  /** Conversation comments GitHub counted, by anyone (bots and the author included). */
  comments: number;
}

/** Reads one search result; undefined for one that lacks what a watch needs (e.g. a deleted author). */
export function readSearchItem(repo: string, item: SearchItem): FoundItem | undefined {
  const login = item.user?.login;
  const openedAt = typeof item.created_at === 'string' ? new Date(item.created_at) : undefined;
  if (typeof item.number !== 'number' || typeof login !== 'string' || !login || !openedAt || Number.isNaN(openedAt.getTime())) return undefined;
  const labels = Array.isArray(item.labels)
    ? item.labels.map((label) => (typeof label === 'string' ? label : (label as { name?: unknown })?.name)).filter((name): name is string => typeof name === 'string')
    : [];
  return {
    repo,
    number: item.number,
    kind: item.pull_request ? 'pr' : 'issue',
    authorLogin: login,
    authorIsBot: item.user?.type === 'Bot',
    association: typeof item.author_association === 'string' ? item.author_association : 'NONE',
    title: typeof item.title === 'string' ? item.title : '',
    url: typeof item.html_url === 'string' ? item.html_url : `https://github.com/${repo}/issues/${item.number}`,
    openedAt,
    labels,
    comments: typeof item.comments === 'number' ? item.comments : 0,
  };
}
