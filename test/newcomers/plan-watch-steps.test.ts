import { describe, expect, it } from 'vitest';
import { planWatchSteps, type PlanInput, type WatchedItem } from '../../src/newcomers/core/plan-watch-steps';
import { shouldWatch } from '../../src/newcomers/core/should-watch';

const item: WatchedItem = {
  repo: 'octo/app',
  number: 7,
  kind: 'pr',
  authorLogin: 'new<b>ie',
  firstTimer: true,
  title: 'Fix *everything* & more',
  url: 'https://github.com/octo/app/pull/7',
  openedAt: new Date('2026-11-23T09:00:00Z'),
  nudgedAt: null,
  escalatedAt: null,
};

const deadlines = { nudgeAt: new Date('2026-11-25T09:00:00Z'), escalateAt: new Date('2026-11-27T09:00:00Z') };

function plan(overrides: Partial<PlanInput> = {}) {
  return planWatchSteps({ item, now: new Date('2026-11-25T09:00:00Z'), deadlines, within: '2 working days', pods: [], admins: ['UADMIN'], ...overrides });
}

const recipients = (steps: ReturnType<typeof plan>) => steps.map((step) => [step.step, step.sends.map((send) => send.channel)]);

describe('planning first-response steps', () => {
  it('plans nothing before the deadline', () => {
    expect(plan({ now: new Date('2026-11-25T08:59:59Z') })).toEqual([]);
  });

  it("tells each advocate once, even one who advocates for two of the item's Pods, and each Pod channel", () => {
    const steps = plan({
      pods: [
        { displayName: 'Docs', advocates: ['UADA', 'UBEN'], channel: 'CDOCS' },
        { displayName: 'CLI', advocates: ['UADA', 'UCAROL'] },
      ],
    });
    expect(recipients(steps)).toEqual([['nudge', ['UADA', 'UBEN', 'CDOCS', 'UCAROL']]]);
    expect(steps[0].sends.map((send) => send.key)).toContain('newcomers:first-response:octo/app#7:nudge:UCAROL');
    // The advocate of both hears about it as the first Pod's advocate.
    expect(JSON.stringify(steps[0].sends[0].message.blocks)).toContain('You advocate for the *Docs* Pod');
  });

  it('falls back to the admins when the Pods have neither advocates nor a channel', () => {
    expect(recipients(plan({ pods: [{ displayName: 'Empty', advocates: [] }] }))).toEqual([['nudge', ['UADMIN']]]);
  });

  it('plans the escalation to the admins at twice the time, and both steps for an item found late', () => {
    const pods = [{ displayName: 'Docs', advocates: ['UADA'] }];
    expect(recipients(plan({ pods, now: deadlines.escalateAt, item: { ...item, nudgedAt: deadlines.nudgeAt } }))).toEqual([['escalate', ['UADMIN']]]);
    expect(recipients(plan({ pods, now: deadlines.escalateAt }))).toEqual([
      ['nudge', ['UADA']],
      ['escalate', ['UADMIN']],
    ]);
    expect(plan({ pods, now: deadlines.escalateAt, item: { ...item, nudgedAt: deadlines.nudgeAt, escalatedAt: deadlines.escalateAt } })).toEqual([]);
  });

  it("escapes GitHub's text in the message", () => {
    const [step] = plan();
    const text = JSON.stringify(step.sends[0].message.blocks);
    expect(text).toContain('new&lt;b&gt;ie');
    expect(text).toContain('Fix *everything* &amp; more');
    expect(text).not.toContain('<b>');
    expect(step.sends[0].message.text).toBe("new<b>ie's first pull request octo/app#7 has waited 2 days");
  });
});

describe('whose items are watched', () => {
  const base = { kind: 'issue' as const, authorLogin: 'newbie', association: 'FIRST_TIME_CONTRIBUTOR', authorIsBot: false, earlier: [] };
  it("watches a first-timer's first issue, not their second, and never a bot's", () => {
    const settings = { watch: 'first-timers' as const, bots: ['ci-robot'] };
    expect(shouldWatch(base, settings)).toBe(true);
    expect(shouldWatch({ ...base, earlier: [{ number: 1, kind: 'issue', merged: false }] }, settings)).toBe(false);
    expect(shouldWatch({ ...base, association: 'MEMBER' }, settings)).toBe(false);
    expect(shouldWatch({ ...base, authorLogin: 'ci-robot' }, settings)).toBe(false);
    expect(shouldWatch({ ...base, authorIsBot: true }, settings)).toBe(false);
  });
  it("watches every human's items with watch: everyone", () => {
    const settings = { watch: 'everyone' as const, bots: [] };
    expect(shouldWatch({ ...base, association: 'MEMBER', earlier: [{ number: 1, kind: 'issue', merged: false }] }, settings)).toBe(true);
    expect(shouldWatch({ ...base, authorLogin: 'dependabot[bot]' }, settings)).toBe(false);
  });
});
