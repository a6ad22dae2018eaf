// Helpers for the care tests that drive the real app: real webhook payloads and seeded pod members.
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' };
import type { TestApp } from '../support/test-app';

type Example = { name: string; examples: Record<string, any>[] };
const all = examples as unknown as Example[];
const basePr = all.find((e) => e.name === 'pull_request')!.examples.find((x) => x.action === 'opened')!;

export const repository = { ...basePr.repository, name: 'app', full_name: 'octo/app', owner: { ...basePr.repository.owner, login: 'octo' } };

/** A real `pull_request` payload (from @octokit/webhooks-examples) moved to octo/app. */
export function prEvent(action: string, number: number, options: { labels?: string[]; author?: string; requested?: string[]; body?: string; extra?: Record<string, unknown> } = {}) {
  return {
    ...basePr,
    action,
    number,
    repository,
    pull_request: {
      ...basePr.pull_request,
      number,
      state: action === 'closed' ? 'closed' : 'open',
      title: `PR ${number}`,
      body: options.body ?? 'A change.',
      html_url: `https://github.com/octo/app/pull/${number}`,
      labels: (options.labels ?? []).map((name, id) => ({ id, name, color: 'ededed', default: false })),
      user: { ...basePr.pull_request.user, login: options.author ?? 'newbie', type: 'User' },
      requested_reviewers: (options.requested ?? []).map((login, id) => ({ ...basePr.pull_request.user, login, id: 9000 + id })),
      requested_teams: [],
    },
    ...options.extra,
  };
}

/** A person in a pod: a contributor row with a linked GitHub login and an open membership. */
export async function aPodMember(t: TestApp, pod: string, slackUserId: string, login: string, joinedAt: Date): Promise<void> {
  const contributor = await t.db.prisma.contributor.upsert({
    where: { slackUserId },
    create: { slackUserId, githubLogin: login, githubLoginLower: login.toLowerCase(), level: 'regular' },
    update: {},
  });
  const { id: podId } = await t.db.prisma.pod.findUniqueOrThrow({ where: { name: pod }, select: { id: true } });
  await t.db.prisma.membership.create({ data: { podId, contributorId: contributor.id, joinedAt } });
}

/** Comment bodies on octo/app#n without the outbox's hidden job marker. */
export function commentsOn(t: TestApp, number: number): string[] {
  return t.github.commentsOn('octo/app', number).map((comment) => comment.body.replace(/<!-- podbot:job [^>]*-->/, '').trim());
}

/** Reviewers podbot asked GitHub for on octo/app#n. */
export function requestedOn(t: TestApp, number: number): string[][] {
  return t.github.requestsTo('POST', new RegExp(`^/repos/octo/app/pulls/${number}/requested_reviewers$`)).map((request) => request.body.reviewers);
}

/** Lets the fake GitHub accept review requests. */
export function acceptReviewRequests(t: TestApp): void {
  t.github.route('POST', '/repos/:owner/:repo/pulls/:number/requested_reviewers', ({ params, body }) => ({
    status: 201,
    body: { number: Number(params.number), requested_reviewers: (body.reviewers ?? []).map((login: string) => ({ login })) },
  }));
}
