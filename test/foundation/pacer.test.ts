// The outbox's Pacer, driven in virtual time against a simulated token-bucket rate limit (what Slack enforces).
import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/outbox/outbox';

/**
 * A sender with `concurrency` calls in flight, each taking `latencyMs`, against a platform that allows `perSecond`
 * calls with a burst of `burst` and answers 429 with Retry-After in whole seconds; the sender pauses for it, as
 * the outbox does. Always has work. Returns what happened over `seconds`.
 */
function simulate({ perSecond = 50, burst = 50, seconds = 20, concurrency = 32, latencyMs = 5 } = {}) {
  const pacer = new Pacer();
  let tokens = burst;
  let lastRefill = 0;
  let pausedUntil = 0;
  let ok = 0;
  let refused = 0;
  const inFlight: { doneAt: number; limitedFor?: number }[] = [];
  for (let now = 0; now < seconds * 1000; now++) {
    for (const call of inFlight.filter((c) => c.doneAt === now)) {
      inFlight.splice(inFlight.indexOf(call), 1);
      if (call.limitedFor === undefined) {
        ok++;
        pacer.succeeded(now);
      } else {
        refused++;
        pausedUntil = Math.max(pausedUntil, now + call.limitedFor);
        pacer.limited(now);
      }
    }
    if (now < pausedUntil) continue;
    let free = Math.min(concurrency - inFlight.length, pacer.available(now));
    tokens = Math.min(burst, tokens + ((now - lastRefill) / 1000) * perSecond);
    lastRefill = now;
    const started = free;
    for (; free > 0; free--) {
      if (tokens >= 1) {
        tokens -= 1;
        inFlight.push({ doneAt: now + latencyMs });
      } else {
        inFlight.push({ doneAt: now + latencyMs, limitedFor: Math.max(1, Math.ceil((1 - tokens) / perSecond)) * 1000 });
      }
    }
    if (started > 0) pacer.take(started);
  }
  return { ok, refused, floor: burst + perSecond * seconds, rate: pacer.callsPerSecond };
}

describe('Pacer', () => {
  it('does not limit anything before the first 429', () => {
    const pacer = new Pacer();
    for (let t = 0; t < 1000; t += 10) pacer.succeeded(t);
    expect(pacer.available(1000)).toBe(Number.POSITIVE_INFINITY);
    expect(pacer.callsPerSecond).toBeUndefined();
  });

  it('learns the limit from the first 429s and then delivers near the floor with few refusals', () => {
    const run = simulate();
    // Within 8 % of what the limit allows at best, and far fewer refusals than "burst until 429, then pause".
    expect(run.ok).toBeGreaterThan(run.floor * 0.92);
    expect(run.refused).toBeLessThan(run.ok * 0.08);
    expect(run.rate).toBeGreaterThan(45);
    expect(run.rate).toBeLessThan(55);
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
    const pacer = new Pacer();
    for (let t = 0; t < 1000; t += 20) pacer.succeeded(t); // 50 in the last second
    pacer.limited(1000);
    const first = pacer.callsPerSecond!;
    expect(first).toBeCloseTo(50 * 0.95, 5);
    for (let t = 1001; t < 1100; t += 5) pacer.limited(t); // the rest of the calls in flight
    expect(pacer.callsPerSecond).toBe(first);
  });

  it('measures the limit between two episodes: what got through is what the platform refilled', () => {
    const pacer = new Pacer();
    for (let t = 0; t < 1000; t += 10) pacer.succeeded(t); // a burst: 100 in the last second
    pacer.limited(1000);
    expect(pacer.callsPerSecond).toBeCloseTo(95, 5);
    for (let t = 1000; t < 6000; t += 25) pacer.succeeded(t); // 200 successes in the next 5 s: 40/s
    pacer.limited(6000);
    expect(pacer.callsPerSecond).toBeCloseTo(40 * 0.97, 1);
  });

  it('a lone 429 with too little traffic to measure only pauses', () => {
    const pacer = new Pacer();
    pacer.succeeded(0);
    pacer.limited(100);
    expect(pacer.callsPerSecond).toBeUndefined();
  });

  it('probes upwards slowly (1 % a second) after three quiet seconds', () => {
    const pacer = new Pacer();
    for (let t = 0; t < 1000; t += 20) pacer.succeeded(t);
    pacer.limited(1000);
    const learned = pacer.callsPerSecond!;
    for (let t = 1000; t <= 4000; t += 20) pacer.succeeded(t);
    expect(pacer.callsPerSecond).toBe(learned); // not within three seconds of the 429
    for (let t = 4000; t <= 14_000; t += 20) pacer.succeeded(t);
    const grown = pacer.callsPerSecond! / learned;
    expect(grown).toBeGreaterThan(1.09);
    expect(grown).toBeLessThan(1.12);
  });
});
