// Real webhook payloads from @octokit/webhooks-examples, moved to the test's repository, item, people and times.
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };

type Example = { name: string; examples: Record<string, any>[] };
const all = examples as unknown as Example[];

function example(name: string, action: string): Record<string, any> {
  const found = all.find((group) => group.name === name)?.examples.find((x) => x.action === action);
  if (!found) throw new Error(`no ${name}.${action} example in @octokit/webhooks-examples`);
  return found;
}

function repository(base: Record<string, any>, fullName: string) {
  const [owner, name] = fullName.split('/');
  return { ...base, name, full_name: fullName, owner: { ...base.owner, login: owner } };
}

function user(base: Record<string, any>, login: string) {
  return { ...base, login, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
}

export interface ItemOptions {
  repo?: string;
  number: number;
  author?: string;
  association?: string;
  labels?: string[];
  createdAt: string;
}

export function issueOpened(o: ItemOptions, action = 'opened') {
  const base = example('issues', 'opened');
  const repo = o.repo ?? 'octo/app';
  return {
    ...base,
    action,
    repository: repository(base.repository, repo),
    issue: {
      ...base.issue,
      number: o.number,
      title: `Issue ${o.number}`,
      html_url: `https://github.com/${repo}/issues/${o.number}`,
      labels: (o.labels ?? []).map((name, id) => ({ id, name, color: 'ededed', default: false })),
      user: user(base.issue.user, o.author ?? 'newbie'),
      author_association: o.association ?? 'FIRST_TIME_CONTRIBUTOR',
      created_at: o.createdAt,
      state: action === 'closed' ? 'closed' : 'open',
    },
  };
}

export function pullRequestOpened(o: ItemOptions, action = 'opened') {
  const base = example('pull_request', 'opened');
  const repo = o.repo ?? 'octo/app';
  return {
    ...base,
    action,
    number: o.number,
    repository: repository(base.repository, repo),
    pull_request: {
      ...base.pull_request,
      number: o.number,
      title: `PR ${o.number}`,
      html_url: `https://github.com/${repo}/pull/${o.number}`,
      labels: (o.labels ?? []).map((name, id) => ({ id, name, color: 'ededed', default: false })),
      user: user(base.pull_request.user, o.author ?? 'newbie'),
      author_association: o.association ?? 'FIRST_TIME_CONTRIBUTOR',
      created_at: o.createdAt,
      merged: false,
      merged_at: null,
      state: action === 'closed' ? 'closed' : 'open',
    },
  };
}

export interface ResponseOptions {
  repo?: string;
  number: number;
  /** The item's author. */
  author?: string;
  by: string;
  at: string;
  id: number;
}

/** `issue_comment.created` on an issue (or, with `onPullRequest`, on a PR's conversation). */
export function issueComment(o: ResponseOptions & { onPullRequest?: boolean }) {
  const base = example('issue_comment', 'created');
  const repo = o.repo ?? 'octo/app';
  return {
    ...base,
    repository: repository(base.repository, repo),
    issue: {
      ...base.issue,
      number: o.number,
      user: user(base.issue.user, o.author ?? 'newbie'),
      ...(o.onPullRequest ? { pull_request: { url: `https://api.github.com/repos/${repo}/pulls/${o.number}` } } : {}),
    },
    comment: { ...base.comment, id: o.id, user: user(base.comment.user, o.by), created_at: o.at, updated_at: o.at },
    sender: user(base.sender, o.by),
  };
}

/** `pull_request_review.submitted`. */
export function reviewSubmitted(o: ResponseOptions & { state?: string }) {
  const base = example('pull_request_review', 'submitted');
  const repo = o.repo ?? 'octo/app';
  return {
    ...base,
    repository: repository(base.repository, repo),
    pull_request: { ...base.pull_request, number: o.number, user: user(base.pull_request.user, o.author ?? 'newbie') },
    review: { ...base.review, id: o.id, user: user(base.review.user, o.by), submitted_at: o.at, state: o.state ?? 'approved' },
    sender: user(base.sender, o.by),
  };
}

/** `pull_request_review_comment.created`. */
export function reviewComment(o: ResponseOptions) {
  const base = example('pull_request_review_comment', 'created');
  const repo = o.repo ?? 'octo/app';
  return {
    ...base,
    repository: repository(base.repository, repo),
    pull_request: { ...base.pull_request, number: o.number, user: user(base.pull_request.user, o.author ?? 'newbie') },
    comment: { ...base.comment, id: o.id, user: user(base.comment.user, o.by), created_at: o.at, updated_at: o.at },
    sender: user(base.sender, o.by),
  };
}
