/**
 * Pacing of one rate-limit bucket (a platform, or one of its methods): pure functions over a plain state that the
 * outbox keeps in the database (OutboxPace), so every replica paces against the same budget.
 *
 * Slack answers 429 with a Retry-After in whole seconds while its budget refills continuously, and never says what
 * the limit is (https://api.slack.com/apis/rate-limits). So the pace is learned:
 *
 * 1. Ramp. Before any 429 the bucket starts with one call; each success returns its token and adds one, so the
 *    pace doubles every round trip. At 50/s that is unlimited within a few dozen milliseconds; at 1/s it costs one
 *    or two 429s instead of one per send slot. After RAMP_SUCCESSES successes without a 429 the bucket is unlimited.
 * 2. Learning. A 429 pauses the bucket until Retry-After (for every replica), and the first 429 of an episode sets
 *    the rate 3 % below what got through: the successes since the previous episode over the time between them
 *    (what the platform refilled), or at the first episode the successes of the ramp, or of the last one to two
 *    seconds. It never raises the rate on a 429, and one episode (every call in flight, and the first sends after
 *    the pause) lowers it once.
 * 3. Pacing. A token bucket at that rate, holding at most one second of calls.
 * 4. Probing. After PROBE_QUIET_MS without a 429 the rate rises by 1 % a second of sending, so a raised limit (or
 *    one underestimated during an outage) is found again, at the cost of one 429 every half minute or so.
 *
 * Times are milliseconds since the epoch, from the outbox's clock. Replicas must agree on the time (NTP).
 */
export interface PaceState {
  /** Calls per second the bucket is paced to; null until a 429 taught it. */
  rate: number | null;
  tokens: number;
  /** When `tokens` was last brought up to date (the last grant while ramping). */
  refilledAt: number;
  /** No call starts before this (the latest Retry-After). */
  pausedUntil: number;
  /** While ramping: successes still to count before the bucket is unlimited. 0 once a limit is learned or ramped up. */
  rampLeft: number;
  rampStart: number | null;
  rampSucceeded: number;
  /** Calls started in the current and the previous window of about a second (refused ones taken off). */
  windowStart: number;
  windowSent: number;
  prevWindowStart: number;
  prevWindowSent: number;
  /** Start of the last episode of 429s, and calls started since then (refused ones taken off). */
  episodeAt: number | null;
  sentSinceEpisode: number;
  limitedAt: number | null;
  probedAt: number;
}

export const RAMP_SUCCESSES = 64;
/** Slack's Tier 1 is one call a minute; leave room below it. */
export const MIN_RATE = 1 / 120;
const SAFETY = 0.97;
const PROBE_QUIET_MS = 30_000;
const PROBE_STEP_MS = 1_000;
/** Calls between two episodes needed to measure the limit from them. */
const MIN_MEASURED = 3;
/** Successes between two episodes further apart than this say nothing about the limit (the bucket was idle). */
const MEASURE_MAX_GAP_MS = 120_000;

export function initialPace(now: number): PaceState {
  return {
    rate: null,
    tokens: 1,
    refilledAt: now,
    pausedUntil: 0,
    rampLeft: RAMP_SUCCESSES,
    rampStart: null,
    rampSucceeded: 0,
    windowStart: now,
    windowSent: 0,
    prevWindowStart: now,
    prevWindowSent: 0,
    episodeAt: null,
    sentSinceEpisode: 0,
    limitedAt: null,
    probedAt: now,
  };
}

/** Calls per second the bucket is paced to, or undefined while it is not limited. */
export function pacedRate(state: PaceState): number | undefined {
  return state.rate ?? undefined;
}

function ramping(state: PaceState): boolean {
  return state.rate === null && state.rampLeft > 0;
}

/** Tokens available now, unrounded (Infinity when the bucket is not limited). */
function tokensAt(state: PaceState, now: number): number {
  if (now < state.pausedUntil) return 0;
  if (state.rate === null) {
    if (state.rampLeft <= 0) return Number.POSITIVE_INFINITY;
    // A ramp token lost with a crashed replica must not stall the bucket: after a quiet second one call may go.
    return state.tokens < 1 && now - state.refilledAt >= 1000 ? 1 : state.tokens;
  }
  const cap = Math.max(1, state.rate);
  return Math.min(cap, state.tokens + (Math.max(0, now - state.refilledAt) / 1000) * state.rate);
}

/** Calls that may start now. */
export function available(state: PaceState, now: number): number {
  return Math.max(0, Math.floor(tokensAt(state, now)));
}

/** Milliseconds until the next call may start (Infinity: no wait, or nothing known to wait for). */
export function msUntilAvailable(state: PaceState, now: number): number {
  if (available(state, now) >= 1) return 0;
  if (now < state.pausedUntil) return state.pausedUntil - now;
  if (state.rate === null) return state.tokens < 1 ? Math.max(0, state.refilledAt + 1000 - now) : 0;
  return Math.ceil(((1 - tokensAt(state, now)) / state.rate) * 1000);
}

/** Takes up to `want` calls from the bucket. Returns the new state and how many were granted. */
export function grant(state: PaceState, now: number, want: number): { state: PaceState; granted: number } {
  const granted = Math.min(Math.max(0, Math.floor(want)), available(state, now));
  if (granted === 0) return { state, granted: 0 };
  const next = { ...state };
  if (state.rate !== null || ramping(state)) {
    next.tokens = tokensAt(state, now) - granted;
    next.refilledAt = now;
  }
  if (ramping(state) && state.rampStart === null) next.rampStart = now;
  if (now - state.windowStart >= 1000) {
    const stale = now - state.windowStart >= 2000;
    next.prevWindowStart = stale ? now - 1000 : state.windowStart;
    next.prevWindowSent = stale ? 0 : state.windowSent;
    next.windowStart = now;
    next.windowSent = 0;
  }
  next.windowSent += granted;
  next.sentSinceEpisode += granted;
  if (next.rate !== null && now - (state.limitedAt ?? Number.NEGATIVE_INFINITY) > PROBE_QUIET_MS) {
    next.rate *= 1 + 0.01 * (Math.min(PROBE_STEP_MS, Math.max(0, now - state.probedAt)) / PROBE_STEP_MS);
  }
  next.probedAt = now;
  return { state: next, granted };
}

/** A granted call succeeded. Returns the new state, or undefined when nothing changes (no write needed). */
export function succeeded(state: PaceState): PaceState | undefined {
  if (!ramping(state)) return undefined;
  // Its token back, plus one: the ramp doubles every round trip.
  return { ...state, tokens: state.tokens + 2, rampLeft: state.rampLeft - 1, rampSucceeded: state.rampSucceeded + 1 };
}

/** A granted call failed for another reason than a rate limit (it gives its ramp token back). */
export function failed(state: PaceState): PaceState | undefined {
  if (!ramping(state)) return undefined;
  return { ...state, tokens: state.tokens + 1 };
}

/** A granted call was refused with 429 and Retry-After. */
export function limited(state: PaceState, now: number, retryAfterMs: number): PaceState {
  const next = { ...state };
  next.pausedUntil = Math.max(state.pausedUntil, now + retryAfterMs);
  next.windowSent = Math.max(0, state.windowSent - 1);
  next.sentSinceEpisode = Math.max(0, state.sentSinceEpisode - 1);
  // 429s within Retry-After (and a second) of the episode's first belong to it: calls that were in flight, and
  // the first sends after the pause.
  if (state.episodeAt === null || now - state.episodeAt > retryAfterMs + 1000) {
    const estimate = measure(state, next, now);
    // The first time, Retry-After is a floor too: the platform takes a call again after it. (A success or two
    // measured over a slow round trip would otherwise set the pace far below the limit.) A 429 out of the blue,
    // with nothing measured, only pauses.
    const floor = state.rate === null ? 1000 / retryAfterMs : 0;
    const learned = estimate !== undefined && estimate > 0 ? Math.max(estimate, floor) * SAFETY : undefined;
    if (learned !== undefined) next.rate = Math.max(MIN_RATE, Math.min(state.rate ?? Number.POSITIVE_INFINITY, learned));
    next.episodeAt = now;
    next.sentSinceEpisode = 0;
  }
  if (next.rate !== null) next.rampLeft = 0;
  // Retry-After says when one call may go again.
  next.tokens = 1;
  next.refilledAt = next.pausedUntil;
  next.limitedAt = now;
  return next;
}

/** The platform's rate as seen at the start of a new episode, in calls per second (undefined: nothing to go by). */
function measure(before: PaceState, after: PaceState, now: number): number | undefined {
  if (before.episodeAt !== null && now - before.episodeAt <= MEASURE_MAX_GAP_MS) {
    // Between two episodes the platform let through what it refilled: that is its rate.
    // Two or fewer calls since (the bucket spent the time paused): too few to tell the limit from our own pause.
    return after.sentSinceEpisode >= MIN_MEASURED ? after.sentSinceEpisode / ((now - before.episodeAt) / 1000) : undefined;
  }
  if (ramping(before) && before.rampStart !== null) {
    return before.rampSucceeded > 0 ? before.rampSucceeded / Math.max(1, (now - before.rampStart) / 1000) : undefined;
  }
  const sent = after.prevWindowSent + after.windowSent;
  return sent > 0 ? sent / Math.max(1, (now - after.prevWindowStart) / 1000) : undefined;
}
