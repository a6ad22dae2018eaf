/** A call to Slack or GitHub that must happen exactly once, even across restarts, retries and replicas. */
export interface OutboxJobInput {
  /** Idempotency key: enqueueing the same key twice is a no-op. E.g. `welcome:slack:U123`. */
  key: string;
  target: 'slack' | 'github';
  /** Slack Web API method (`chat.postMessage`) or GitHub route (`POST /repos/{owner}/{repo}/issues/{issue_number}/comments`). */
  method: string;
  payload: Record<string, unknown>;
  /** Earliest send time (defaults to now). */
  notBefore?: Date;
  /**
   * GitHub App installation whose token sends it (GitHub jobs only). Defaults to the installation of the webhook being
   * handled (OutboxOptions.installation); none: the default installation.
   */
  installationId?: number;
}

export interface ClaimedJob {
  id: number;
  key: string;
  target: 'slack' | 'github';
  method: string;
  payload: Record<string, unknown>;
  attempts: number;
  /** When the current run of transient failures began (null: none yet). */
  firstFailedAt: Date | null;
  /** True when an earlier attempt may have reached the platform (a crash, a timeout, a reset, a 5xx). */
  inDoubt: boolean;
  /** GitHub App installation to send with; null: the default. */
  installationId?: number | null;
}

/** How a failed attempt should be handled. */
export type SendFailure =
  | { kind: 'rate-limited'; retryAfterMs: number; message: string }
  | { kind: 'transient'; message: string }
  | { kind: 'permanent'; code: string; message: string };

export interface Sender {
  /** Performs the call; resolves with the platform's answer (stored on the job). */
  send(job: ClaimedJob): Promise<unknown>;
  /** For an in-doubt job: the answer of an earlier attempt that did reach the platform, if one can be found. */
  findDelivered?(job: ClaimedJob): Promise<unknown | undefined>;
  classify(error: unknown): SendFailure;
  /** How many calls may be in flight at once for this target. */
  concurrency: number;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
