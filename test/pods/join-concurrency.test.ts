import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureContributor } from '../../src/pods/store/contributors';
import { joinPod } from '../../src/pods/store/join-pod';
import { startTestApp, type TestApp } from '../support/test-app';
import { commandReply, membersOf } from './app-helpers';

// PGlite runs one statement at a time, so it cannot show a race; a PostgreSQL server under READ
// COMMITTED can. Run this file on both: `npx vitest run test/pods` and `node scripts/test-postgres.mjs test/pods`.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    config: {
      pods: [
        { name: 'docs', area: 'Documentation', advocates: ['UALICE'], capacity: 9 },
        { name: 'race', area: 'Races', advocates: ['URACE'], capacity: 9 },
        { name: 'other', area: 'Something else', advocates: ['UOTHER'], capacity: 9 },
      ],
    },
  });
});
afterAll(() => t?.stop());

describe('capacity under concurrency', () => {
  it('50 concurrent /join-pod docs from 50 people into a pod of 9: exactly 9 join, 41 are refused', async () => {
    const users = Array.from({ length: 50 }, (_, i) => `UCONC${String(i).padStart(2, '0')}`);
    const replies = await Promise.all(users.map((user) => commandReply(t, '/join-pod', 'docs', user)));
    const joined = replies.filter((reply) => reply.text.startsWith('You joined the *Docs* pod.'));
    const refused = replies.filter((reply) => reply.text.startsWith('The *Docs* pod is full (9/9).'));
    expect([joined.length, refused.length]).toEqual([9, 41]);
    expect(await membersOf(t, 'docs')).toHaveLength(9);
    await t.drain();
    // One advocate hand-off per member who got in, and none for those refused.
    expect(t.slack.messagesTo('UALICE')).toHaveLength(9);
  });

  it('50 concurrent joins straight into the store (no request queue in front) never exceed capacity', async () => {
    const { db, outbox, clock } = t.app.ctx;
    const contributors = await Promise.all(Array.from({ length: 50 }, (_, i) => ensureContributor(db, `URACE${i}`, clock.now())));
    const outcomes = await Promise.all(
      contributors.map((contributor) =>
        joinPod(db, outbox, { podName: 'race', contributorId: contributor.id, now: clock.now(), maxPodsPerContributor: 1, actor: contributor.slackUserId, joiner: { slackId: contributor.slackUserId, level: 'newcomer' }, notify: () => [] }),
      ),
    );
    const kinds = outcomes.map((outcome) => outcome.kind);
    expect([kinds.filter((kind) => kind === 'joined').length, kinds.filter((kind) => kind === 'full').length]).toEqual([9, 41]);
    expect(await membersOf(t, 'race')).toHaveLength(9);
  });

  it('one person joining two pods at once ends up in one of them, at the one-pod limit', async () => {
    const { db, outbox, clock } = t.app.ctx;
    const contributor = await ensureContributor(db, 'UTWOFOLD', clock.now());
    const outcomes = await Promise.all(
      [1, 2].map(() =>
        joinPod(db, outbox, { podName: 'other', contributorId: contributor.id, now: clock.now(), maxPodsPerContributor: 1, actor: 'UTWOFOLD', joiner: { slackId: 'UTWOFOLD', level: 'newcomer' }, notify: () => [] }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['already-member', 'joined']);
    expect(await t.db.prisma.membership.count({ where: { contributorId: contributor.id, leftAt: null } })).toBe(1);
  });
});
