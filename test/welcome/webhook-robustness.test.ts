import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
const groups: ExampleGroup[] = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'));

/** The events podbot's GitHub App subscribes to (docs/welcome.md and the other features' docs list them). */
const SUBSCRIBED = ['issues', 'pull_request', 'release', 'ping'];

describe('webhook robustness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      config: { admins: ['U0ADMIN'], pods: [{ name: 'docs', area: 'docs', labels: ['documentation', 'bug'], advocates: ['U0ADVOCATE'] }] },
    });
  });
  afterAll(() => t?.stop());

  it('has examples for every subscribed event', () => {
    expect(SUBSCRIBED.map((name) => groups.some((group) => group.name === name && group.examples.length > 0))).toEqual([true, true, true, true]);
  });

  it.each(SUBSCRIBED)('accepts every %s example payload without a 5xx', async (name) => {
    const examples = groups.find((group) => group.name === name)!.examples;
    const failures: string[] = [];
    for (const [index, payload] of examples.entries()) {
      const res = await t.webhook(name, payload, { delivery: `example-${name}-${index}` });
      if (res.status >= 500) failures.push(`${name}.${(payload as { action?: string }).action ?? ''} #${index}: ${res.status} ${await res.text()}`);
    }
    expect(failures).toEqual([]);
  });

  it('accepts one example of every other event GitHub sends without a 5xx', async () => {
    const failures: string[] = [];
    for (const group of groups.filter((g) => !SUBSCRIBED.includes(g.name))) {
      const res = await t.webhook(group.name, group.examples[0], { delivery: `example-${group.name}` });
      if (res.status >= 500) failures.push(`${group.name}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('records the example issues and pull requests in the ledger', async () => {
    // Codertocat/Hello-World is the repository of the example payloads.
    expect(await t.db.prisma.ledgerEntry.count({ where: { repo: 'Codertocat/Hello-World' } })).toBeGreaterThan(1);
  });

  describe('malformed payloads for handled events', () => {
    const cases: [string, string, Record<string, unknown>, RegExp][] = [
      ['an issues event without issue', 'issues', { action: 'opened', repository: { full_name: 'o/r', name: 'r', owner: { login: 'o' } } }, /issue/],
      [
        'a pull_request event whose author is missing',
        'pull_request',
        { action: 'opened', number: 5, pull_request: { number: 5, created_at: '2026-01-01T00:00:00Z' }, repository: { full_name: 'o/r', name: 'r', owner: { login: 'o' } } },
        /pull_request/,
      ],
      [
        'an issues event whose number is not a number',
        'issues',
        { action: 'opened', issue: { number: 'seven', user: { login: 'x' }, created_at: '2026-01-01T00:00:00Z' }, repository: { full_name: 'o/r', name: 'r', owner: { login: 'o' } } },
        /number/,
      ],
    ];

    it.each(cases)('answers %s with 400, a reason, and no side effects', async (_what, event, payload, reason) => {
      const before = { jobs: await t.db.prisma.outboxJob.count(), ledger: await t.db.prisma.ledgerEntry.count() };
      const res = await t.webhook(event, payload, { delivery: `malformed-${event}-${Math.random()}` });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(reason);
      expect({ jobs: await t.db.prisma.outboxJob.count(), ledger: await t.db.prisma.ledgerEntry.count() }).toEqual(before);
      expect(await t.db.prisma.ledgerEntry.count({ where: { repo: 'o/r' } })).toBe(0);
    });
  });
});
