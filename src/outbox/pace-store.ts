import type { PrismaClient } from '../generated/prisma/client';
import { initialPace, type PaceState } from './pace';

type Db = Pick<PrismaClient, 'outboxPace'>;

interface Row {
  state: PaceState;
  version: number;
}

/** A change waiting for its turn: applied to the state, then settled once its write is durable. */
interface PendingChange {
  change: (state: PaceState) => { state?: PaceState; result: unknown };
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The pace of each rate-limit bucket, kept in OutboxPace so that every replica paces against the same budget.
 * Changes are computed by the pure functions of pace.ts and written only over the version they were computed from
 * (optimistic locking): a replica that lost the race reads the row again and recomputes. No lock is held while a
 * call is in flight.
 *
 * Within one replica, changes to one bucket take turns: those that arrive while a write is in flight wait, and are
 * then applied one after the other to the state and written together, in one statement. Without the turns, every
 * delivery finishing at the same time wrote over the same cached version; all but one lost and retried, and under
 * load outcomes were dropped after 20 lost races.
 */
export class PaceStore {
  private readonly cache = new Map<string, Row>();
  private readonly waiting = new Map<string, PendingChange[]>();

  constructor(private readonly db: Db) {}

  /** The bucket's state as last read or written by this replica (undefined before the first read). */
  cached(target: string, bucket: string): PaceState | undefined {
    return this.cache.get(`${target}\u0000${bucket}`)?.state;
  }

  /** Reads the bucket's current state (creating the row the first time). */
  async read(target: string, bucket: string, now: number): Promise<PaceState> {
    return (await this.load(target, bucket, now)).state;
  }

  /**
   * Applies `change` to the bucket's state atomically. `change` returns the new state (or undefined when nothing
   * changes) and a result. It starts from the cached state and is called again with a fresh one after a lost race.
   */
  update<T>(target: string, bucket: string, now: number, change: (state: PaceState) => { state?: PaceState; result: T }): Promise<T> {
    const key = `${target}\u0000${bucket}`;
    return new Promise<T>((resolve, reject) => {
      const queue = this.waiting.get(key);
      const pending: PendingChange = { change, resolve: resolve as (result: unknown) => void, reject };
      if (queue) return void queue.push(pending);
      this.waiting.set(key, [pending]);
      void this.applyInTurn(key, target, bucket, now);
    });
  }

  /** Writes the waiting changes of one bucket, a batch at a time, until none are left. */
  private async applyInTurn(key: string, target: string, bucket: string, now: number): Promise<void> {
    for (;;) {
      const batch = this.waiting.get(key)!.splice(0);
      if (!batch.length) {
        this.waiting.delete(key);
        return;
      }
      try {
        const results = await this.write(key, target, bucket, now, batch);
        batch.forEach((pending, i) => pending.resolve(results[i]));
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
  }

  private async write(key: string, target: string, bucket: string, now: number, batch: PendingChange[]): Promise<unknown[]> {
    let row = this.cache.get(key) ?? (await this.load(target, bucket, now));
    for (let attempt = 0; ; attempt++) {
      let state = row.state;
      let changed = false;
      const results = batch.map(({ change }) => {
        const outcome = change(state);
        if (outcome.state) {
          state = outcome.state;
          changed = true;
        }
        return outcome.result;
      });
      if (!changed) return results;
      const { count } = await this.db.outboxPace.updateMany({
        where: { target, bucket, version: row.version },
        data: { state: state as unknown as object, version: row.version + 1 },
      });
      if (count === 1) {
        this.cache.set(key, { state, version: row.version + 1 });
        return results;
      }
      // Another replica wrote since: recompute every change of the batch over its state.
      if (attempt >= 20) throw new Error(`outbox pace ${target}/${bucket}: too much contention`);
      row = await this.load(target, bucket, now);
    }
  }

  private async load(target: string, bucket: string, now: number): Promise<Row> {
    const key = `${target}\u0000${bucket}`;
    let found = await this.db.outboxPace.findUnique({ where: { target_bucket: { target, bucket } }, select: { state: true, version: true } });
    if (!found) {
      await this.db.outboxPace.createMany({ data: [{ target, bucket, state: initialPace(now) as unknown as object }], skipDuplicates: true });
      found = await this.db.outboxPace.findUniqueOrThrow({ where: { target_bucket: { target, bucket } }, select: { state: true, version: true } });
    }
    const row = { state: found.state as unknown as PaceState, version: found.version };
    this.cache.set(key, row);
    return row;
  }
}
