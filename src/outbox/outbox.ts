import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client';
import { createBatcher } from '../batcher';
import { errorSummary } from '../errors';
import type { Metrics } from '../metrics';
import type { ClaimedJob, Clock, OutboxJobInput, Sender, SendFailure } from './types';

type Tx = Pick<PrismaClient, 'outboxJob'>;

export interface OutboxOptions {
  db: PrismaClient;
  log: Logger;
  metrics: Metrics;
  clock: Clock;
  senders: Partial<Record<'slack' | 'github', Sender>>;
  /** How long a claimed job is leased before another worker may treat it as abandoned. */
  leaseMs?: number;
  /** Poll interval when idle; enqueue() wakes the loop at once. */
  pollMs?: number;
  /** How long a job keeps being retried through transient failures (an outage) before it is dead-lettered. */
  giveUpMs?: number;
  /** Longest wait between two attempts of a failing job. */
  maxBackoffMs?: number;
  /** The GitHub App installation the caller works for (the webhook being handled); GitHub jobs enqueued then use its token. */
  installation?: () => number | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The persistent outbox: every Slack message and GitHub write goes through here.
 *
 * - enqueue() is idempotent by key (INSERT … ON CONFLICT DO NOTHING), so redelivered events cannot send twice.
 * - Workers claim due jobs with FOR UPDATE SKIP LOCKED, so several replicas share one queue safely.
 * - 429 pauses the whole target until Retry-After; 5xx, timeouts and network errors back off exponentially (capped
 *   at maxBackoffMs) for as long as giveUpMs (a day by default), then the job is dead-lettered (status `dead`);
 *   errors the platform will always give (channel_not_found, 404) fail it at once (status `failed`). Both are
 *   logged, counted in /metrics, listed by GET /api/outbox and retryable (see dead-letters.ts).
 * - Any attempt whose outcome is unknown is "in doubt": a crash mid-send, a timeout, a connection reset or a 5xx
 *   after the request was written. Before sending again we look for the earlier delivery (Slack message metadata,
 *   GitHub comment marker), so neither a restart nor a lost answer posts twice.
 * - A database outage never crashes the process: the outcome of a send is written again, with backoff, until the
 *   database is back, and claiming backs off too.
 */
export class Outbox {
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly giveUpMs: number;
  private readonly maxBackoffMs: number;
  private claimFailures = 0;
  private readonly pausedUntil = new Map<string, number>();
  private readonly pacers = new Map<string, Pacer>();
  private readonly inFlight = new Map<string, number>();
  /** Ids of jobs this instance is sending right now: never re-claimed as "in doubt" by this same instance. */
  private readonly sendingIds = new Set<number>();
  private readonly running = new Set<Promise<void>>();
  /** Marks delivered jobs done, a batch per statement (see markDone). */
  private readonly markDone: (done: { id: number; result: unknown }) => Promise<void>;
  private stopped = true;
  private wake?: () => void;
  private loop?: Promise<void>;

  constructor(private readonly options: OutboxOptions) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 500;
    this.giveUpMs = options.giveUpMs ?? DAY_MS;
    this.maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000;
    this.markDone = createBatcher((done) => this.recordDone(done), { maxWaitMs: 5, maxSize: 100 });
  }

  /** Adds jobs; keys already present are ignored. Returns how many were new. Pass a transaction client to enqueue atomically with other writes. */
  async enqueue(jobs: OutboxJobInput | OutboxJobInput[], tx: Tx = this.options.db): Promise<number> {
    const list = Array.isArray(jobs) ? jobs : [jobs];
    if (!list.length) return 0;
    const now = this.options.clock.now();
    const { count } = await tx.outboxJob.createMany({
      data: list.map((job) => ({
        key: job.key,
        target: job.target,
        method: job.method,
        payload: job.payload as object,
        nextAttemptAt: job.notBefore ?? now,
        installationId: job.target === 'github' ? (job.installationId ?? this.options.installation?.() ?? null) : null,
      })),
      skipDuplicates: true,
    });
    this.kick();
    return count;
  }

  /** Whether a job with this key was ever enqueued (whatever its state): keys are how side effects stay idempotent. */
  async has(key: string): Promise<boolean> {
    return (await this.options.db.outboxJob.count({ where: { key } })) > 0;
  }

  /** The platform's answer for a delivered job (e.g. Slack's `{ channel, ts }`), or undefined while it is not done. */
  async resultOf(key: string): Promise<unknown> {
    const job = await this.options.db.outboxJob.findUnique({ where: { key }, select: { status: true, result: true } });
    return job?.status === 'done' ? (job.result ?? undefined) : undefined;
  }

  /** Wakes the dispatcher now (after enqueueing outside this instance, or in tests). */
  kick(): void {
    this.wake?.();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  /** Stops claiming new jobs and waits for the in-flight ones (SIGTERM drain). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.kick();
    await this.loop;
    await Promise.allSettled([...this.running]);
  }

  /** Resolves when nothing is due or in flight (tests and the CLI use this). Jobs scheduled later are not waited for unless `includeFuture`. */
  async drain({ timeoutMs = 20_000, includeFuture = false } = {}): Promise<void> {
    // Real elapsed time, not the clock's: a test clock may stand still while the outbox works.
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const horizon = includeFuture ? new Date(8.64e15) : this.options.clock.now();
      const waiting = await this.options.db.outboxJob.count({
        where: { OR: [{ status: 'pending', nextAttemptAt: { lte: horizon } }, { status: 'sending' }] },
      });
      if (waiting === 0 && this.running.size === 0) return;
      if (performance.now() > deadline) throw new Error(`outbox did not drain within ${timeoutMs} ms (${waiting} jobs waiting)`);
      this.kick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let claimedAny = false;
      let failed = false;
      for (const target of Object.keys(this.options.senders) as ('slack' | 'github')[]) {
        claimedAny = (await this.dispatch(target).catch((error) => {
          // The database is down or overloaded: log the first failure of a run, then back off (up to 30 s) so an
          // outage neither floods the log nor keeps a dead connection pool busy. Recovers by itself.
          if (this.claimFailures === 0) this.options.log.error({ err: errorSummary(error), target }, 'outbox: claiming jobs failed; backing off');
          failed = true;
          return false;
        })) || claimedAny;
      }
      if (failed) this.claimFailures += 1;
      else if (this.claimFailures) {
        this.options.log.info({ failures: this.claimFailures }, 'outbox: claiming jobs works again');
        this.claimFailures = 0;
      }
      if (this.stopped) break;
      const delay = failed ? Math.min(this.pollMs * 2 ** Math.min(this.claimFailures, 10), 30_000) : claimedAny ? 0 : this.nextWakeDelay();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private pacer(target: string): Pacer {
    let pacer = this.pacers.get(target);
    if (!pacer) this.pacers.set(target, (pacer = new Pacer()));
    return pacer;
  }

  private nowMs(): number {
    return this.options.clock.now().getTime();
  }

  private nextWakeDelay(): number {
    const now = this.nowMs();
    let delay = this.pollMs;
    for (const until of this.pausedUntil.values()) if (until > now) delay = Math.min(delay, until - now);
    for (const pacer of this.pacers.values()) delay = Math.min(delay, pacer.msUntilToken(now));
    return Math.max(delay, 5);
  }

  private async dispatch(target: 'slack' | 'github'): Promise<boolean> {
    const sender = this.options.senders[target]!;
    if ((this.pausedUntil.get(target) ?? 0) > this.nowMs()) return false;
    const pacer = this.pacer(target);
    const free = Math.min(sender.concurrency - (this.inFlight.get(target) ?? 0), pacer.available(this.nowMs()));
    if (free <= 0) return false;
    const jobs = await this.claim(target, free, this.pausedInstallations(target));
    pacer.take(jobs.length);
    for (const job of jobs) {
      this.inFlight.set(target, (this.inFlight.get(target) ?? 0) + 1);
      this.sendingIds.add(job.id);
      const task = this.deliver(sender, job)
        .catch((error) => this.options.log.error({ err: errorSummary(error), key: job.key }, 'outbox: delivery bookkeeping failed'))
        .finally(() => {
        this.sendingIds.delete(job.id);
        this.inFlight.set(target, (this.inFlight.get(target) ?? 1) - 1);
        this.running.delete(task);
        this.kick();
      });
      this.running.add(task);
    }
    return jobs.length > 0;
  }

  /** Installations of `target` whose rate limit is spent: their jobs wait while other installations' go on. */
  private pausedInstallations(target: string): number[] {
    const now = this.nowMs();
    const paused: number[] = [];
    for (const [lane, until] of this.pausedUntil) if (until > now && lane.startsWith(`${target}:`)) paused.push(Number(lane.slice(target.length + 1)));
    return paused;
  }

  private async claim(target: string, limit: number, pausedInstallations: number[] = []): Promise<ClaimedJob[]> {
    const now = this.options.clock.now();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    // A slow send (a loaded database, a slow platform) can outlive its lease; re-claiming our own in-flight job
    // would send it twice (labels and other calls have no "was it delivered?" check).
    const sending = [...this.sendingIds];
    const rows = await this.options.db.$queryRaw<
      { id: number; key: string; target: 'slack' | 'github'; method: string; payload: Record<string, unknown>; attempts: number; prev: string; firstFailedAt: Date | null; installationId: bigint | number | null }[]
    >`
      WITH due AS (
        SELECT id, status AS prev FROM "OutboxJob"
        WHERE target = ${target}
          AND ((status = 'pending' AND "nextAttemptAt" <= ${now}) OR (status = 'sending' AND "lockedUntil" < ${now}))
          AND NOT (id = ANY(${sending}::int[]))
          AND ("installationId" IS NULL OR NOT ("installationId" = ANY(${pausedInstallations}::bigint[])))
        ORDER BY "nextAttemptAt", id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "OutboxJob" AS o
      SET status = 'sending', "lockedUntil" = ${leaseUntil}, attempts = o.attempts + 1, "updatedAt" = ${now}
      FROM due WHERE o.id = due.id
      RETURNING o.id, o.key, o.target, o.method, o.payload, o.attempts, o."firstFailedAt", o."installationId", due.prev`;
    // attempts counts every try but 429s (which the platform refused unprocessed): a job on its second try had an
    // attempt whose outcome is unknown (a timeout, a reset, a 5xx), or its worker died mid-send.
    return rows.map(({ prev, firstFailedAt, installationId, ...row }) => ({
      ...row,
      installationId: installationId === null ? null : Number(installationId),
      firstFailedAt: firstFailedAt ? new Date(firstFailedAt) : null,
      inDoubt: prev === 'sending' || row.attempts > 1,
    }));
  }

  private async deliver(sender: Sender, job: ClaimedJob): Promise<void> {
    const { log, metrics } = this.options;
    let result: unknown;
    try {
      if (job.inDoubt && sender.findDelivered) result = await sender.findDelivered(job);
      if (result === undefined) result = await sender.send(job);
      else log.info({ key: job.key }, 'outbox: an earlier attempt had been delivered; not sending again');
    } catch (error) {
      await this.persist(job, 'recording a failed attempt', () => this.handleFailure(job, sender.classify(error)));
      return;
    }
    metrics.outboxSent.inc({ target: job.target, method: job.method });
    this.pacer(job.target).succeeded(this.nowMs());
    await this.persist(job, 'marking a delivered job done', () => this.markDone({ id: job.id, result }));
  }

  /**
   * Writes the outcome of an attempt, again and again with backoff while the database is unreachable: the send
   * happened, so its outcome must not be lost, and a rejected write must not crash the process. If the outbox is
   * stopped first the job stays `sending`; when its lease runs out it is in doubt, and the lookup before any resend
   * finds the delivery.
   */
  private async persist(job: ClaimedJob, what: string, write: () => Promise<unknown>): Promise<void> {
    for (let failures = 0; ; failures++) {
      try {
        await write();
        if (failures) this.options.log.info({ key: job.key, failures }, `outbox: ${what} worked again`);
        return;
      } catch (error) {
        if (failures === 0) this.options.log.error({ key: job.key, err: errorSummary(error) }, `outbox: ${what} failed; retrying until the database is back`);
        if (this.stopped) return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** Math.min(failures, 9), 30_000)));
      }
    }
  }

  /**
   * Marks delivered jobs done. Deliveries that finish within a few milliseconds of each other share one UPDATE
   * (markDone batches them): at a platform's rate limit that is dozens a second, and on the embedded database every
   * statement saved is one that incoming requests do not queue behind. Until the UPDATE lands a job is still
   * `sending`; should the process die in between, it is in doubt and the earlier delivery is looked up before any
   * resend.
   */
  private async recordDone(done: { id: number; result: unknown }[]): Promise<void[]> {
    const now = this.options.clock.now();
    const rows = JSON.stringify(done.map(({ id, result }) => ({ id, result: result ?? null })));
    await this.options.db.$executeRaw`
      UPDATE "OutboxJob" AS o
      SET status = 'done', "sentAt" = ${now}, "lockedUntil" = NULL, "lastError" = NULL, result = v.result, "updatedAt" = ${now}
      FROM jsonb_to_recordset(${rows}::jsonb) AS v(id int, result jsonb)
      WHERE o.id = v.id`;
    return done.map(() => undefined);
  }

  private async handleFailure(job: ClaimedJob, failure: SendFailure): Promise<void> {
    const { db, log, metrics, clock } = this.options;
    const now = clock.now().getTime();
    if (failure.kind === 'rate-limited') {
      // The platform limits the whole token, not one message: pause the target (on GitHub, the installation: each
      // has its own token and limit, so other organisations go on) and retry this job first.
      // Rate-limit waits do not count as attempts.
      const until = now + failure.retryAfterMs;
      const lane = job.installationId ? `${job.target}:${job.installationId}` : job.target;
      this.pausedUntil.set(lane, Math.max(this.pausedUntil.get(lane) ?? 0, until));
      if (lane === job.target) this.pacer(job.target).limited(now);
      metrics.outboxRetries.inc({ target: job.target, reason: 'rate-limited' });
      await db.outboxJob.update({
        where: { id: job.id },
        data: { status: 'pending', attempts: { decrement: 1 }, nextAttemptAt: new Date(until), lockedUntil: null, lastError: failure.message },
      });
      return;
    }
    const failingSince = job.firstFailedAt?.getTime() ?? now;
    if (failure.kind === 'transient' && now - failingSince < this.giveUpMs) {
      const backoff = Math.min(2 ** Math.min(job.attempts - 1, 20) * 1000, this.maxBackoffMs);
      metrics.outboxRetries.inc({ target: job.target, reason: 'transient' });
      log.warn({ key: job.key, attempts: job.attempts, error: failure.message, retryInMs: backoff }, 'outbox: will retry');
      await db.outboxJob.update({
        where: { id: job.id },
        data: { status: 'pending', nextAttemptAt: new Date(now + backoff), lockedUntil: null, lastError: failure.message, firstFailedAt: new Date(failingSince) },
      });
      return;
    }
    const dead = failure.kind !== 'permanent';
    const code = dead ? 'gave_up' : failure.code;
    const reason = dead ? `gave_up after ${Math.round((now - failingSince) / 60_000)} min of failures: ${failure.message}` : `${code}: ${failure.message}`;
    metrics.outboxFailed.inc({ target: job.target, method: job.method, error: code });
    log.error({ key: job.key, method: job.method, attempts: job.attempts, code, error: failure.message }, dead ? 'outbox: job dead-lettered' : 'outbox: job failed permanently');
    await db.outboxJob.update({
      where: { id: job.id },
      data: { status: dead ? 'dead' : 'failed', lockedUntil: null, lastError: reason },
    });
  }
}

/**
 * Learns a target's rate limit from its 429s and spreads sends evenly below it.
 *
 * Slack answers 429 with a Retry-After in whole seconds while its budget refills continuously, so "burst until
 * 429, then pause" wastes most of each pause and provokes a 429 for every call in flight. Until the first 429 the
 * pacer does not limit. A 429 means the platform's budget is spent, so the successes between two episodes of
 * 429s are what it refilled in that time: their rate is the limit, and the pacer sets itself 3 % below it (at the
 * first episode, with nothing to measure from, 5 % below the successes of the last second). It never raises the
 * rate on a 429, and one episode (every call in flight at the time, and the first sends after the pause) lowers
 * it once. After three quiet seconds it probes upwards by 1 % a second, so a raised limit is found again.
 * https://api.slack.com/apis/rate-limits
 */
export class Pacer {
  private rate?: number;
  private tokens = 0;
  private last = 0;
  private lastLimitedAt = Number.NEGATIVE_INFINITY;
  private episodeAt = Number.NEGATIVE_INFINITY;
  private successesSinceEpisode = 0;
  private lastProbeAt = 0;
  private readonly successes: number[] = [];

  /** Calls per second it paces to; undefined until the first 429. */
  get callsPerSecond(): number | undefined {
    return this.rate;
  }

  /** Calls that may start now. */
  available(now: number): number {
    if (this.rate === undefined) return Number.POSITIVE_INFINITY;
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    return Math.floor(this.tokens);
  }

  take(count: number): void {
    if (this.rate !== undefined) this.tokens -= count;
  }

  /** Milliseconds until the next call may start (the poll interval caps it). */
  msUntilToken(now: number): number {
    if (this.rate === undefined || this.available(now) >= 1) return Number.POSITIVE_INFINITY;
    return Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }

  succeeded(now: number): void {
    this.successes.push(now);
    this.successesSinceEpisode += 1;
    while (this.successes.length && this.successes[0] < now - 1000) this.successes.shift();
    if (this.rate !== undefined && now - this.lastLimitedAt > 3000) {
      this.rate *= 1 + 0.01 * Math.min(1, Math.max(0, now - this.lastProbeAt) / 1000);
    }
    this.lastProbeAt = now;
  }

  limited(now: number): void {
    while (this.successes.length && this.successes[0] < now - 1000) this.successes.shift();
    if (now - this.episodeAt > 1500) {
      // A new episode. Between two episodes the platform let through what it refilled: that is its rate.
      const sinceLast = (now - this.episodeAt) / 1000;
      const measured = Number.isFinite(sinceLast) && this.successesSinceEpisode >= 5 ? (this.successesSinceEpisode / sinceLast) * 0.97 : undefined;
      const recent = this.successes.length >= 5 ? this.successes.length * 0.95 : undefined;
      const estimate = measured ?? recent;
      // With too few successes to measure (a 429 out of the blue), only the pause applies.
      if (estimate !== undefined) this.rate = Math.max(1, Math.min(this.rate ?? Number.POSITIVE_INFINITY, estimate));
      this.episodeAt = now;
      this.successesSinceEpisode = 0;
    }
    this.lastLimitedAt = now;
    this.tokens = 0;
    this.last = now;
  }
}
