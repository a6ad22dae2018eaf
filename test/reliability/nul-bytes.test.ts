// Finding 10: PostgreSQL text cannot hold U+0000. Before: `/community-call agenda` with a NUL answered "try again in
// a minute" (which could never succeed) and an issue whose title held a NUL answered 500 on every redelivery.
// Now the character is dropped where input enters, and the request is processed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, callEntry } from '../calls/call-app';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { anIssueEvent } from '../welcome/github-payloads';

describe('reliability › input with NUL bytes is cleaned and processed', () => {
  const clock = new TestClock(new Date('2026-11-23T09:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      clock,
      config: {
        calls: [callEntry({ start: '2026-11-04' })],
        pods: [{ name: 'docs', area: 'the website', labels: ['area/docs'], advocates: ['U0ADVOCATE'] }],
      },
    });
  });
  afterAll(() => t?.stop());

  it('adds an agenda topic holding a NUL, without the NUL', async () => {
    const reply = await ask(t, 'community-call agenda Release\u0000 1.2\u0000 plans', 'U0MEMBER');
    expect(reply.text).toMatch(/^Added “Release 1\.2 plans” to the agenda/);
    expect(await t.db.prisma.agendaItem.count({ where: { topic: 'Release 1.2 plans' } })).toBe(1);
  });

  it('processes an issue whose title and body hold NULs (2xx), records it and welcomes the author once', async () => {
    const payload = anIssueEvent('opened', { number: 7, login: 'nulwriter', labels: ['area/docs'], title: 'Broken\u0000 link' }) as Record<string, any>;
    payload.issue.body = 'See \u0000 here';
    const first = await t.webhook('issues', payload, { delivery: 'nul-1' });
    expect(first.status).toBe(202);
    expect((await t.webhook('issues', payload, { delivery: 'nul-2' })).status).toBe(202);
    await t.drain();
    expect(await t.db.prisma.ledgerEntry.findUnique({ where: { repo_number: { repo: 'o/r', number: 7 } } })).toMatchObject({ authorLogin: 'nulwriter' });
    expect(t.github.commentsOn('o/r', 7).filter((c) => c.body.includes('podbot:job welcome:gh:'))).toHaveLength(1);
  });
});
