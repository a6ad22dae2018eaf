// Builders for issues / pull_request webhook payloads, shaped like GitHub's (see @octokit/webhooks-examples).

export interface ItemOptions {
  repo?: string;
  number?: number;
  login?: string;
  association?: string;
  labels?: string[];
  title?: string;
  createdAt?: string;
  userType?: 'User' | 'Bot';
}

function repository(fullName: string) {
  const [owner, name] = fullName.split('/');
  return { id: 1, name, full_name: fullName, owner: { login: owner, type: 'Organization' }, html_url: `https://github.com/${fullName}` };
}

function item(o: ItemOptions, path: 'issues' | 'pull') {
  const repo = o.repo ?? 'o/r';
  const number = o.number ?? 1;
  const login = o.login ?? 'newbie';
  return {
    number,
    title: o.title ?? `Item ${number}`,
    user: { login, id: 42, type: o.userType ?? (login.endsWith('[bot]') ? 'Bot' : 'User') },
    author_association: o.association ?? 'NONE',
    created_at: o.createdAt ?? '2026-11-20T10:00:00Z',
    html_url: `https://github.com/${repo}/${path}/${number}`,
    labels: (o.labels ?? []).map((name, i) => ({ id: i + 1, name })),
    state: 'open',
  };
}

export function anIssueEvent(action: string, o: ItemOptions = {}) {
  const repo = o.repo ?? 'o/r';
  return { action, issue: item(o, 'issues'), repository: repository(repo), sender: { login: o.login ?? 'newbie' } };
}

export function aPullRequestEvent(action: string, o: ItemOptions & { merged?: boolean; mergedAt?: string } = {}) {
  const repo = o.repo ?? 'o/r';
  const pr = {
    ...item(o, 'pull'),
    merged: o.merged ?? false,
    merged_at: o.merged ? (o.mergedAt ?? '2026-11-21T10:00:00Z') : null,
    state: action === 'closed' ? 'closed' : 'open',
  };
  return { action, number: pr.number, pull_request: pr, repository: repository(repo), sender: { login: o.login ?? 'newbie' } };
}
