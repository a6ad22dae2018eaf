// The outbox's pacing (src/outbox/pace.ts), driven in virtual time against a simulated token-bucket rate limit
// (what Slack enforces). The state is shared, as replicas share it through the database.
import { describe, expect, it } from 'vitest';
import { available, failed, grant, initialPace, limited, pacedRate, succeeded, type PaceState } from '../../src/outbox/pace';

/**
 * `replicas` senders with `concurrency` calls in flight each, each call taking `latencyMs`, sharing one pace
 * state against a platform that allows `perSecond` calls with a burst of `burst` and answers 429 with Retry-After
 * in whole seconds. Always has work. Returns what happened over `seconds`.
 */
function simulate({ perSecond = 50, burst = perSecond, seconds = 20, concurrency = 32, latencyMs = 5, replicas = 1 }: Partial<Record<'perSecond' | 'burst' | 'seconds' | 'concurrency' | 'latencyMs' | 'replicas', number>> = {}) {
  let pace: PaceState = initialPace(0);
  let tokens = burst;
  let lastRefill = 0;
  let ok = 0;
  let refused = 0;
  const inFlight: { doneAt: number; replica: number; limitedFor?: number }[] = [];
  for (let now = 0; now < seconds * 1000; now++) {
    for (const call of inFlight.filter((c) => c.doneAt === now)) {
      inFlight.splice(inFlight.indexOf(call), 1);
      if (call.limitedFor === undefined) {
        ok++;
        pace = succeeded(pace) ?? pace;
      } else {
        refused++;
        pace = limited(pace, now, call.limitedFor);
      }
    }
    for (let replica = 0; replica < replicas; replica++) {
      const free = concurrency - inFlight.filter((c) => c.replica === replica).length;
      const taken = grant(pace, now, free);
      pace = taken.state;
      tokens = Math.min(burst, tokens + ((now - lastRefill) / 1000) * perSecond);
      lastRefill = now;
      for (let i = 0; i < taken.granted; i++) {
        if (tokens >= 1) {
          tokens -= 1;
          inFlight.push({ doneAt: now + latencyMs, replica });
        } else {
          inFlight.push({ doneAt: now + latencyMs, replica, limitedFor: Math.max(1, Math.ceil((1 - tokens) / perSecond)) * 1000 });
        }
      }
    }
  }
  return { ok, refused, floor: burst + perSecond * seconds, rate: pacedRate(pace) };
}

describe('pace', () => {
  it('ramps up without limiting a platform that never answers 429', () => {
    let pace = initialPace(0);
    expect(available(pace, 0)).toBe(1);
    for (let i = 0; i < 200; i++) {
      const taken = grant(pace, i, 1);
      expect(taken.granted).toBe(1);
      pace = succeeded(taken.state) ?? taken.state;
    }
    expect(available(pace, 200)).toBe(Number.POSITIVE_INFINITY);
    expect(pacedRate(pace)).toBeUndefined();
  });

  it('doubles the calls it lets through every round trip while ramping, and gives a failed call its token back', () => {
    let pace = grant(initialPace(0), 0, 32).state;
    expect(available(pace, 0)).toBe(0);
    pace = succeeded(pace)!;
    expect(available(pace, 5)).toBe(2);
    pace = failed(grant(pace, 5, 2).state)!;
    expect(available(pace, 6)).toBe(1);
  });

  it('learns the limit from the first 429s and then delivers near the floor with few refusals (50/s)', () => {
    const run = simulate();
    expect(run.ok).toBeGreaterThan(run.floor * 0.92);
    expect(run.refused).toBeLessThan(run.ok * 0.08);
    expect(run.rate).toBeGreaterThan(45);
    expect(run.rate).toBeLessThan(55);
  });

  it('learns a 1/s limit with two replicas sharing the pace: 429s stay under 10 % of sends', () => {
    const run = simulate({ perSecond: 1, burst: 1, seconds: 120, replicas: 2 });
    expect(run.ok).toBeGreaterThan(run.floor * 0.9);
    expect(run.refused).toBeLessThanOrEqual(run.ok * 0.1);
    expect(run.rate).toBeGreaterThan(0.85);
    expect(run.rate).toBeLessThan(1.05);
  });

  it('finds a much lower or higher limit too', () => {
    for (const perSecond of [5, 400]) {
      const run = simulate({ perSecond, burst: perSecond, concurrency: 64 });
      expect(run.ok).toBeGreaterThan(run.floor * 0.88);
      expect(run.rate).toBeGreaterThan(perSecond * 0.85);
      expect(run.rate).toBeLessThan(perSecond * 1.15);
    }
  });

  it('lowers the rate once per episode of 429s, not once per refused call', () => {
    let pace = initialPace(0);
    for (let i = 0; i < RAMP; i++) pace = succeeded(grant(pace, i, 1).state) ?? pace;
    for (let t = 100; t < 1000; t += 10) pace = grant(pace, t, 1).state; // unlimited now: 90 more calls
    pace = limited(pace, 1000, 1000);
    const first = pacedRate(pace)!;
    expect(first).toBeGreaterThan(0);
    for (let t = 1001; t < 1100; t += 5) pace = limited(pace, t, 1000); // the rest of the calls in flight
    expect(pacedRate(pace)).toBe(first);
  });

  it('measures the limit between two episodes: what got through is what the platform refilled', () => {
    let pace = limited(grant(initialPace(0), 0, 1).state, 10, 1000);
    pace = { ...pace, rate: 100, rampLeft: 0 };
    for (let t = 1025; t < 6000; t += 25) pace = grant(pace, t, 1).state; // 199 calls in the next 5 s: 40/s
    pace = limited(pace, 6000, 1000); // one of them refused: 198 got through in 5.99 s
    expect(pacedRate(pace)).toBeCloseTo((198 / 5.99) * 0.97, 5);
  });

  it('a lone 429 with nothing measured only pauses', () => {
    const pace = limited(grant(initialPace(0), 0, 1).state, 10, 1000);
    expect(pacedRate(pace)).toBeUndefined();
    expect(available(pace, 500)).toBe(0);
    expect(available(pace, 1010)).toBe(1);
  });

  it('does not lower the rate on 429s between which it only sat out pauses (an injected burst, not the limit)', () => {
    let pace = limited(grant(initialPace(0), 0, 1).state, 10, 1000);
    pace = { ...pace, rate: 20, rampLeft: 0 };
    for (let t = 2000; t < 40_000; t += 2500) pace = limited(grant(pace, t, 1).state, t + 5, 2000);
    expect(pacedRate(pace)).toBe(20);
  });

  it('pauses every replica until Retry-After', () => {
    const pace = limited(grant(initialPace(0), 0, 1).state, 10, 3000);
    expect(available(pace, 2999)).toBe(0);
    expect(available(pace, 3010)).toBe(1);
  });

  it('probes upwards slowly (1 % a second of sending) after 30 quiet seconds', () => {
    let pace = limited(grant(initialPace(0), 0, 1).state, 10, 1000);
    pace = { ...pace, rate: 10, rampLeft: 0 };
    for (let t = 1010; t <= 30_000; t += 100) pace = grant(pace, t, 1).state;
    expect(pacedRate(pace)).toBe(10); // not within 30 s of the 429
    for (let t = 30_100; t <= 40_000; t += 100) pace = grant(pace, t, 1).state;
    const grown = pacedRate(pace)! / 10;
    expect(grown).toBeGreaterThan(1.09);
    expect(grown).toBeLessThan(1.12);
  });
});

const RAMP = 64;
