// Finding 11: signed input must not hold the event loop. A 1 MB slash-command text used to block it for 27 s in
// the typo matcher's n×m matrix. The matcher is bounded by the candidates (an input much longer than every
// candidate is no typo of any), and command text longer than Slack's own message cap is refused at intake, before
// any listener parses, matches or echoes it. Event-loop figures: npm run bench:intake-event-loop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClosestMatch } from '../../src/kit/text/find-closest-match';
import { MAX_COMMAND_TEXT } from '../../src/slack/signature';
import { startTestApp, type TestApp } from '../support/test-app';

describe('reliability › work on signed input is bounded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { pods: [{ name: 'docs', area: 'the website', labels: ['area/docs'], advocates: ['U0ADVOCATE'] }] } });
  });
  afterAll(() => t?.stop());

  it('answers a 1 MB /join-pod text with the limit, and runs no listener', async () => {
    const res = await t.command('/join-pod', 'd'.repeat(1024 * 1024), 'U0PASTER');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { text: string }).text).toBe(
      `That is 1,048,576 characters; podbot reads commands of at most ${MAX_COMMAND_TEXT.toLocaleString('en-US')}. Nothing was done.`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.slack.callsTo('response_url')).toEqual([]);
    expect(await t.db.prisma.membership.count()).toBe(0);
  });

  it('still runs a command at the limit', async () => {
    const res = await t.command('/join-pod', `docz ${'x'.repeat(MAX_COMMAND_TEXT - 5)}`, 'U0LONG');
    expect(res.status).toBe(200);
    expect(await res.text()).not.toMatch(/podbot reads commands of at most/);
  });

  it('the typo matcher answers long input without comparing it, and still finds near misses', () => {
    const names = ['docs', 'cli', 'website', 'release-engineering'];
    expect(findClosestMatch('x'.repeat(1024 * 1024), names)).toBeUndefined();
    expect(findClosestMatch('release-enginering', names)).toBe('release-engineering');
    expect(findClosestMatch('dosc', names)).toBe('docs');
  });
});
