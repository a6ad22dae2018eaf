import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClock, type TestApp } from '../support/test-app';
import { callEntry, tickAt } from './call-app';

// podbot_call_reminders_total counts reminder claims once each, by kind and by whether the scheduler
// queued the post (sent) or recorded it as missed; read through GET /metrics as Prometheus would.

describe('podbot_call_reminders_total', () => {
  const clock = new TestClock(new Date('2026-11-24T09:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock, config: { calls: [callEntry({ start: '2026-11-04' })] } });
  });
  afterAll(() => t?.stop());

  async function reminderSamples(): Promise<string[]> {
    const text = await (await fetch(`${t.url}/metrics`)).text();
    return text.split('\n').filter((line) => line.startsWith('podbot_call_reminders_total{'));
  }

  it('counts a queued reminder once, however often the scheduler wakes', async () => {
    expect(await reminderSamples()).toEqual([]);
    await tickAt(t, clock, '2026-11-24T16:30:00Z');
    await tickAt(t, clock, '2026-11-24T16:31:00Z');
    expect(await reminderSamples()).toEqual(['podbot_call_reminders_total{kind="reminder:24h",status="sent"} 1']);
  });

  it('counts reminders missed during downtime apart from those sent', async () => {
    // Down from before the 1 h reminder until the call is running: the 1 h reminder is missed, the
    // round-robin still goes out while the call runs.
    await tickAt(t, clock, '2026-11-25T16:40:00Z');
    expect((await reminderSamples()).sort()).toEqual([
      'podbot_call_reminders_total{kind="reminder:1h",status="missed"} 1',
      'podbot_call_reminders_total{kind="reminder:24h",status="sent"} 1',
      'podbot_call_reminders_total{kind="round-robin",status="sent"} 1',
    ]);
  });
});
