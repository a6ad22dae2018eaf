// The contributor-ladder suggestions over real history: six months of kubernetes-sigs/kustomize's merged pull
// requests (test/fixtures/kustomize-merged-prs-2025-03-to-09.json, copied from the shared release-history data),
// delivered as GitHub webhooks (`pull_request.labeled`, which mentions the pod, then `pull_request.closed`, merged),
// so the ledger and the pod mentions are filled by the app's own listeners.
//
// The expectations were worked out by hand from the fixture, independently of the app's code, by counting merged
// PRs per author_login over the window with a short script (filter merged_at >= 2025-06-03T09:00:00Z and
// < 2025-09-01T09:00:00Z, drop is_bot and null logins, count per login):
//   window: the ladder runs on 2025-09-01 09:00 UTC with windowDays 90, so it looks at [2025-06-03T09:00Z, 2025-09-01T09:00Z).
//   in the window: koba1t 13, adoramshoval 2, stormqueen1990 2, ThisIsQasim 1, dims 1, dmvolod 1, Skaronator 1, seipan 1
//     = 22 human merged PRs with a login (plus one PR git ties to no login and the dependabot[bot] PRs, which do not count).
//   before the window only: skitt, cunyat, tdemin, tsuzu, tabbysable, gecube, milkshake308, lcostea, arthurbdiniz (1 each).
// The release history records no reviews, so promoteReviews is 0 here and promotion rests on merged PRs (at least 2):
//   - promote: adoramshoval (2) and stormqueen1990 (2); koba1t (13) is a maintainer (organisation MEMBER) and is
//     left out; the rest have 1.
//   - inactive: skitt (member since before the window, last PR 2025-03-15) and natasha41575 (member, nothing in the
//     slice); not dims (1 PR in the window) and not tsuzu (joined inside the window).
//   - single person: koba1t did 13 of 22 = 59 %, at least singlePersonShare 0.5, with at least 10 in all.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { aPodMember, prEvent } from './support';

interface FixturePr { number: number; title: string; author_login: string | null; is_bot: boolean; merged_at: string }
const fixture = JSON.parse(readFileSync(new URL('../fixtures/kustomize-merged-prs-2025-03-to-09.json', import.meta.url), 'utf8')) as { repo: string; pull_requests: FixturePr[] };

const TASK = 'care: ladder suggestions';
const LABEL = 'area/kustomize';
const clock = new TestClock(new Date('2025-09-01T09:00:00Z'));
const config = {
  admins: ['UADMIN'],
  pods: [{ name: 'kustomize', area: 'kustomize', labels: [LABEL], repos: [fixture.repo], advocates: ['UADVOCATE'], channel: 'C0KUST' }],
  care: {
    timeZone: 'UTC',
    reviewers: { enabled: false },
    ladder: { dayOfMonth: 1, hour: 9, windowDays: 90, promoteMergedPrs: 2, promoteReviews: 0, singlePersonShare: 0.5, singlePersonMinActivity: 10 },
  },
};

let t: TestApp;
/** The history records no author association; GitHub shows kustomize's maintainer koba1t as an organisation MEMBER. */
const MAINTAINERS = new Set(['koba1t']);
const [owner, name] = fixture.repo.split('/') as [string, string];

/** A real pull_request payload for one recorded PR. The history has no opening time, so the PR opens when it merges. */
function payloadFor(pr: FixturePr, action: 'labeled' | 'closed') {
  const base = prEvent(action, pr.number, { labels: [LABEL], author: pr.author_login! });
  return {
    ...base,
    ...(action === 'labeled' ? { label: { id: 1, name: LABEL, color: 'ededed', default: false } } : {}),
    repository: { ...base.repository, name, full_name: fixture.repo, owner: { ...base.repository.owner, login: owner } },
    pull_request: {
      ...base.pull_request,
      title: pr.title,
      html_url: `https://github.com/${fixture.repo}/pull/${pr.number}`,
      user: { ...base.pull_request.user, login: pr.author_login, type: pr.is_bot ? 'Bot' : 'User' },
      author_association: MAINTAINERS.has(pr.author_login!) ? 'MEMBER' : 'CONTRIBUTOR',
      created_at: pr.merged_at,
      updated_at: pr.merged_at,
      ...(action === 'closed' ? { state: 'closed', merged: true, merged_at: pr.merged_at, closed_at: pr.merged_at } : { merged: false, merged_at: null, closed_at: null }),
    },
  };
}

const members: [slackId: string, login: string, joinedAt: string][] = [
  ['UKOBA', 'koba1t', '2024-01-01T00:00:00Z'],
  ['UADORAM', 'adoramshoval', '2025-01-01T00:00:00Z'],
  ['USTORM', 'stormqueen1990', '2024-01-01T00:00:00Z'],
  ['UDIMS', 'dims', '2024-01-01T00:00:00Z'],
  ['USKITT', 'skitt', '2025-01-01T00:00:00Z'],
  ['UNATASHA', 'natasha41575', '2024-06-01T00:00:00Z'],
  ['UTSUZU', 'tsuzu', '2025-07-01T00:00:00Z'],
];

beforeAll(async () => {
  t = await startTestApp({ config, clock });
  for (const [slackId, login, joinedAt] of members) await aPodMember(t, 'kustomize', slackId, login, new Date(joinedAt));
  // PRs git ties to no login cannot be delivered as GitHub would (it always names an account): they are left out.
  for (const pr of fixture.pull_requests.filter((p) => p.author_login)) {
    for (const action of ['labeled', 'closed'] as const) {
      const res = await t.webhook('pull_request', payloadFor(pr, action));
      expect(res.status).toBeLessThan(300);
    }
  }
  await t.drain();
}, 120_000);
afterAll(() => t?.stop());

describe('contributor-ladder suggestions over real kustomize history', () => {
  it('loads every recorded PR with a login into the ledger as merged; the pod is mentioned on the human ones', async () => {
    const withLogin = fixture.pull_requests.filter((p) => p.author_login);
    expect(await t.db.prisma.ledgerEntry.count({ where: { repo: fixture.repo, kind: 'pr', merged: true } })).toBe(withLogin.length);
    // Pod mentions skip bot authors (the dependabot[bot] PRs).
    expect(await t.db.prisma.podMention.count({ where: { repo: fixture.repo, podName: 'kustomize' } })).toBe(withLogin.filter((p) => !p.is_bot).length);
  });

  it('suggests the promotions, quiet members and single-person pod worked out by hand', async () => {
    await t.app.runTask(TASK);
    await t.drain();
    const rows = await t.db.prisma.ladderSuggestion.findMany({ select: { kind: true, podName: true, subject: true, reason: true } });
    const sorted = rows.map((row) => `${row.kind} ${row.subject}: ${row.reason}`).sort();
    expect(sorted).toEqual([
      'inactive UNATASHA: <@UNATASHA> (natasha41575): nothing seen in 90 days; check in, or move to emeritus',
      'inactive USKITT: <@USKITT> (skitt): nothing seen in 90 days; check in, or move to emeritus',
      'promote adoramshoval: adoramshoval: 2 merged PRs and 0 reviews in Kustomize in 90 days',
      'promote stormqueen1990: stormqueen1990: 2 merged PRs and 0 reviews in Kustomize in 90 days',
      'single-person koba1t: Kustomize rests on koba1t: 13 of 22 merged PRs and reviews in 90 days',
    ]);
    expect(rows.every((row) => row.podName === 'kustomize')).toBe(true);
    const dm = t.slack.messagesTo('UADVOCATE').filter((call) => String(call.args.text).startsWith('Contributor ladder'));
    expect(dm).toHaveLength(1);
    expect(dm[0]!.args.text).toContain('5 suggestions');
  });
});
