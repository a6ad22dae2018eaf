import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client';
import { createBatcher } from '../batcher';
import { errorSummary } from '../errors';
import type { Metrics } from '../metrics';
import { available, failed, grant, limited, msUntilAvailable, succeeded, type PaceState } from './pace';
import { PaceStore } from './pace-store';
import type { ClaimedJob, Clock, OutboxJobInput, Sender, SendFailure } from './types';

type Tx = Pick<PrismaClient, '$executeRaw'>;

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
  /**
   * Awaited before each round of claims: resolves when the app's foreground work (commands whose people wait for
   * an answer) leaves room. The sends are notifications nobody is waiting on, and in a burst of commands they
   * took the CPU and the embedded database from the answers (bench/join-pod). Unset, the outbox never waits.
   */
  foreground?: () => Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rate-limit bucket of a target: the whole target (a Slack token, a GitHub installation). */
const PACE_BUCKET = '*';

/**
 * The persistent outbox: every Slack message and GitHub write goes through here.
 *
 * - enqueue() is idempotent by key (INSERT … ON CONFLICT DO NOTHING), so redelivered events cannot send twice.
 * - Workers claim due jobs with FOR UPDATE SKIP LOCKED, so several replicas share one queue safely.
 * - Sends are paced per rate-limit bucket (the whole target today) by a pace learned from 429s and shared by all
 *   replicas through the database (pace.ts, pace-store.ts); a 429 pauses the bucket, for every replica, until
 *   Retry-After. 5xx, timeouts and network errors back off exponentially (capped
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
  private readonly pace: PaceStore;
  private readonly inFlight = new Map<string, number>();
  /** `github:<installation id>` → until when that installation's jobs wait after a 429 (its own token and limit). */
  private readonly pausedUntil = new Map<string, number>();
  /** Ids of jobs this instance is sending right now: never re-claimed as "in doubt" by this same instance. */
  private readonly sendingIds = new Set<number>();
  private readonly running = new Set<Promise<void>>();
  /** Marks delivered jobs done, a batch per statement (see markDone). */
  private readonly markDone: (done: { id: number; result: unknown }) => Promise<void>;
  private stopped = true;
  private wake?: () => void;
  /** Ends a wait for the foreground early: on stop, which must not wait for a gap between commands. */
  private endForegroundWait?: () => void;
  private loop?: Promise<void>;

  constructor(private readonly options: OutboxOptions) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 500;
    this.giveUpMs = options.giveUpMs ?? DAY_MS;
    this.maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000;
    this.pace = new PaceStore(options.db);
    this.markDone = createBatcher((done) => this.recordDone(done), { maxWaitMs: 5, maxSize: 100 });
  }

  /** Adds jobs; keys already present are ignored. Returns how many were new. Pass a transaction client to enqueue atomically with other writes. */
  async enqueue(jobs: OutboxJobInput | OutboxJobInput[], tx: Tx = this.options.db): Promise<number> {
    const list = Array.isArray(jobs) ? jobs : [jobs];
    if (!list.length) return 0;
    const now = this.options.clock.now();
    const rows = list.map((job) => ({
      key: job.key,
      target: job.target,
      method: job.method,
      payload: job.payload,
      nextAttemptAt: (job.notBefore ?? now).toISOString(),
      installationId: job.target === 'github' ? (job.installationId ?? this.options.installation?.() ?? null) : null,
    }));
    // One raw statement rather than the ORM's createMany: a join enqueues inside its transaction, and the ORM's
    // query cost about twice the CPU of the statement itself. The rows travel as one JSON array. Times are stored
    // as the ORM stores them, UTC without a zone. createdAt and updatedAt are the real time, as the ORM sets them.
    const written = new Date();
    const count = await tx.$executeRaw`
      INSERT INTO "OutboxJob" (key, target, method, payload, "nextAttemptAt", "installationId", "createdAt", "updatedAt")
      SELECT r.key, r.target, r.method, r.payload, r."nextAttemptAt", r."installationId", ${written}::timestamp, ${written}::timestamp
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(key TEXT, target TEXT, method TEXT, payload JSONB, "nextAttemptAt" TIMESTAMP, "installationId" BIGINT)
      ON CONFLICT (key) DO NOTHING`;
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

  /**
   * Gives up on the GitHub jobs still waiting for an installation (the App was uninstalled there, or suspended), or
   * for some of its repositories (taken out of the installation): GitHub would refuse them, and they must not be
   * retried until the give-up time. Jobs enqueued outside a webhook carry no installation; those about the
   * installation's account (`payload.owner`) go too. Each becomes a dead letter (`failed`, `code: message`), listed by
   * `podbot outbox list` and GET /api/outbox, and can be retried once the App is back. Returns the jobs given up.
   */
  async cancelGitHubJobs(
    scope: { installationId: number; account?: string; repositories?: string[] },
    { code, message }: { code: string; message: string },
  ): Promise<{ id: number; key: string; method: string }[]> {
    const now = this.options.clock.now();
    const account = scope.account?.toLowerCase() ?? null;
    const repositories = scope.repositories?.map((name) => name.toLowerCase()) ?? null;
    const cancelled = await this.options.db.$queryRaw<{ id: number; key: string; method: string }[]>`
      UPDATE "OutboxJob"
      SET status = 'failed', "lockedUntil" = NULL, "lastError" = ${`${code}: ${message}`}, "updatedAt" = ${now}
      WHERE target = 'github' AND status IN ('pending', 'sending')
        AND ("installationId" = ${scope.installationId}::bigint OR ("installationId" IS NULL AND lower(payload->>'owner') = ${account}))
        AND (${repositories}::text[] IS NULL OR lower((payload->>'owner') || '/' || (payload->>'repo')) = ANY(${repositories}::text[]))
      RETURNING id, key, method`;
    for (const job of cancelled) this.options.metrics.outboxFailed.inc({ target: 'github', method: job.method, error: code });
    return cancelled;
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
    this.endForegroundWait?.();
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
      const foreground = this.options.foreground?.();
      if (foreground) {
        await new Promise<void>((resolve) => {
          this.endForegroundWait = resolve;
          foreground.then(resolve, resolve); // a failing hook must not stop the sends
        });
        this.endForegroundWait = undefined;
      }
      if (this.stopped) break;
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

  private nowMs(): number {
    return this.options.clock.now().getTime();
  }

  private nextWakeDelay(): number {
    const now = this.nowMs();
    let delay = this.pollMs;
    for (const target of Object.keys(this.options.senders)) {
      const state = this.pace.cached(target, PACE_BUCKET);
      // 0 means "a call may go now": the loop found nothing to claim, so the poll interval applies.
      const wait = state ? msUntilAvailable(state, now) : 0;
      if (wait > 0) delay = Math.min(delay, wait);
    }
    return Math.max(delay, 5);
  }

  private async dispatch(target: 'slack' | 'github'): Promise<boolean> {
    const sender = this.options.senders[target]!;
    const slots = sender.concurrency - (this.inFlight.get(target) ?? 0);
    if (slots <= 0) return false;
    // Read afresh: another replica may have sent, or met a 429, since.
    const pace = await this.pace.read(target, PACE_BUCKET, this.nowMs());
    const free = Math.min(slots, available(pace, this.nowMs()));
    if (free <= 0) return false;
    const claimed = await this.claim(target, free, this.pausedInstallations(target));
    if (!claimed.length) return false;
    // Take the calls from the shared bucket; a replica that raced us may have taken some, and the jobs it leaves
    // us no calls for go back to the queue as they were.
    const granted = await this.pace
      .update(target, PACE_BUCKET, this.nowMs(), (state) => {
        const taken = grant(state, this.nowMs(), claimed.length);
        return { state: taken.granted ? taken.state : undefined, result: taken.granted };
      })
      .catch((error) => {
        // Pacing is advice: the jobs are claimed, so send them rather than leave them to their lease.
        this.options.log.warn({ err: errorSummary(error), target }, 'outbox: taking calls from the pace failed; sending anyway');
        return claimed.length;
      });
    const jobs = claimed.slice(0, granted);
    if (granted < claimed.length) await this.release(claimed.slice(granted));
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

  /** Puts claimed jobs back unsent, as they were before the claim (an in-doubt job stays in doubt). */
  private async release(jobs: ClaimedJob[]): Promise<void> {
    const now = this.nowMs();
    const ids = jobs.map((job) => job.id);
    // A job re-claimed after its lease ran out (in doubt, first attempt) must be re-claimed as such again.
    const expired = jobs.filter((job) => job.inDoubt && job.attempts === 1).map((job) => job.id);
    await this.options.db.$executeRaw`
      UPDATE "OutboxJob"
      SET attempts = attempts - 1,
          status = CASE WHEN id = ANY(${expired}::int[]) THEN 'sending' ELSE 'pending' END,
          "lockedUntil" = CASE WHEN id = ANY(${expired}::int[]) THEN ${new Date(now - 1)}::timestamp ELSE NULL END
      WHERE id = ANY(${ids}::int[])`;
  }

  /** Records an outcome in the shared pace. Pacing is advice: a failed write is logged, never fatal. */
  private async recordPace(target: string, change: (state: PaceState) => PaceState | undefined): Promise<void> {
    await this.pace
      .update(target, PACE_BUCKET, this.nowMs(), (state) => ({ state: change(state), result: undefined }))
      .catch((error) => this.options.log.warn({ err: errorSummary(error), target }, 'outbox: recording the pace failed'));
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
      const failure = sender.classify(error);
      // An installation's 429 pauses that installation only (handleFailure), not the whole shared target pace.
      const installationLimited = failure.kind === 'rate-limited' && Boolean(job.installationId);
      if (!installationLimited) {
        await this.recordPace(job.target, (state) => (failure.kind === 'rate-limited' ? limited(state, this.nowMs(), failure.retryAfterMs) : failed(state)));
      }
      await this.persist(job, 'recording a failed attempt', () => this.handleFailure(job, failure));
      return;
    }
    metrics.outboxSent.inc({ target: job.target, method: job.method });
    await this.recordPace(job.target, succeeded);
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
      // The platform limits the whole token, not one message. A GitHub installation has its own token and limit:
      // pause only its jobs (other organisations go on). Otherwise the shared pace, which deliver() has already
      // told, pauses the target for every replica. Either way retry this job first; rate-limit waits are not attempts.
      const until = now + failure.retryAfterMs;
      if (job.installationId) {
        const lane = `${job.target}:${job.installationId}`;
        this.pausedUntil.set(lane, Math.max(this.pausedUntil.get(lane) ?? 0, until));
      }
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
