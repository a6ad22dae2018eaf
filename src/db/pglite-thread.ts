// The embedded database (PGlite) in a worker thread, behind the part of PGlite's interface that Prisma's PGlite
// driver adapter uses: query, exec, transaction, close.
//
// PGlite executes each statement synchronously in WebAssembly. On the main thread, a burst of database work kept
// the event loop from reading requests: at 200 /join-pod commands a second, Slack's acks waited behind queries
// (p99 ≈ 190 ms against ≈ 40 ms for a bare Bolt app) and answers lagged by seconds. In its own thread the
// database works while the main thread keeps serving. Semantics do not change: PGlite still runs one statement,
// and one transaction, at a time.
//
// PGlite's own worker (`@electric-sql/pglite/worker`) is built for browsers (Web Workers, navigator.locks), so
// this is a small worker_threads bridge instead (the other half is pglite-worker.mjs).
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { messages, type PGlite } from '@electric-sql/pglite';

/** PGlite settings for a small, single-user server; see docs/architecture.md ("Memory"). */
export const EMBEDDED_START_PARAMS = [
  // PGlite's defaults (its single-user mode and what it switches off) …
  '--single', '-F', '-O', '-j',
  '-c', 'search_path=public',
  '-c', 'exit_on_error=false',
  '-c', 'log_checkpoints=false',
  '-c', 'max_worker_processes=0',
  '-c', 'max_parallel_workers=0',
  '-c', 'max_parallel_workers_per_gather=0',
  // … and memory sized for one process holding a community's data (megabytes, not gigabytes). PostgreSQL's
  // 128 MB of shared buffers were most of podbot's idle memory; the operating system's file cache still holds
  // the data files, so the smaller pool costs little.
  '-c', 'shared_buffers=16MB',
  '-c', 'max_connections=5',
  '-c', 'temp_buffers=1MB',
];

export interface PGliteThreadOptions {
  /** Data directory; `memory://` keeps it in memory. */
  dataDir?: string;
  /** A dump (PGlite's dumpDataDir) to start from, e.g. a migrated template. */
  loadDataDir?: Blob;
  startParams?: string[];
}

type Field = { name: string; dataTypeID: number };
type Results = { rows: unknown[]; fields: Field[]; affectedRows?: number };
type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, (value: string, typeId: number) => unknown> };
type Serialised = Record<string, unknown> & { message: string; databaseError?: boolean };

/** The worker's code: beside this module in src/db; in the bundle, dist/db/ (scripts/build.mjs copies it there). */
function workerFile(): URL {
  const candidates = ['./pglite-worker.mjs', '../db/pglite-worker.mjs', './db/pglite-worker.mjs'].map((path) => new URL(path, import.meta.url));
  return candidates.find((url) => existsSync(url)) ?? candidates[0];
}

/** Rebuilds a PGlite DatabaseError (the adapter maps those to Prisma's errors by code), or a plain Error. */
function rebuildError(data: Serialised): Error {
  const { databaseError, message, stack, name, ...fields } = data;
  const error: Error = databaseError ? new messages.DatabaseError(message, Number(fields.length ?? 0), 'error') : new Error(message);
  Object.assign(error, fields);
  if (!databaseError && typeof name === 'string') error.name = name;
  if (typeof stack === 'string') error.stack = stack;
  return error;
}

export class PGliteThread {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private failure?: Error;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: { id: number; result?: unknown; error?: Serialised }) => {
      const request = this.pending.get(message.id);
      if (!request) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (message.error) request.reject(rebuildError(message.error));
      else request.resolve(message.result);
    });
    const stop = (error: Error) => {
      this.failure ??= error;
      for (const request of this.pending.values()) request.reject(this.failure);
      this.pending.clear();
    };
    worker.on('error', stop);
    worker.on('exit', (code) => stop(new Error(`the embedded database's thread stopped (exit code ${code})`)));
  }

  /** Starts the thread and opens the database in it. */
  static async create(options: PGliteThreadOptions = {}): Promise<PGliteThread> {
    const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
    const worker = new Worker(workerFile(), {
      workerData: { dataDir: options.dataDir, loadDataDir, startParams: options.startParams ?? EMBEDDED_START_PARAMS },
      transferList: loadDataDir ? [loadDataDir] : [],
    });
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the embedded database's thread stopped while opening (exit code ${code})`));
      worker.once('error', reject);
      worker.once('exit', onExit);
      worker.once('message', (message: { ready?: boolean; error?: Serialised }) => {
        worker.off('error', reject);
        worker.off('exit', onExit);
        if (message.ready) resolve();
        else reject(rebuildError(message.error ?? { message: 'the embedded database did not open' }));
      });
    });
    worker.unref(); // idle: the thread alone does not keep the process running
    return new PGliteThread(worker);
  }

  private call<T>(request: Record<string, unknown>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref(); // a request in flight keeps the process up until answered
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** Like PGlite's query. Parsers run here, on the columns they name, over the server's text. */
  query<T = unknown>(sql: string, params: unknown[] = [], options: QueryOptions = {}, transaction?: number): Promise<Results & { rows: T[] }> {
    return this.runQuery(sql, params, options, transaction) as Promise<Results & { rows: T[] }>;
  }

  private async runQuery(sql: string, params: unknown[], options: QueryOptions, transaction?: number): Promise<Results> {
    const parsers = options.parsers ?? {};
    const rawTypes = Object.keys(parsers).map(Number);
    const results = await this.call<Results>({ op: 'query', sql, params, rowMode: options.rowMode, rawTypes, transaction });
    if (rawTypes.length === 0) return results;
    const columns = results.fields.map((field, index) => ({ index, name: field.name, parse: parsers[field.dataTypeID], type: field.dataTypeID })).filter((c) => c.parse);
    if (columns.length === 0) return results;
    for (const row of results.rows as Record<string | number, unknown>[]) {
      for (const column of columns) {
        const key = options.rowMode === 'array' ? column.index : column.name;
        const value = row[key];
        if (value !== null && value !== undefined) row[key] = column.parse!(value as string, column.type);
      }
    }
    return results;
  }

  exec(sql: string, transaction?: number): Promise<Results[]> {
    return this.call<Results[]>({ op: 'exec', sql, transaction });
  }

  /** Like PGlite's transaction: commits when `callback` resolves, rolls back when it throws or calls rollback(). */
  async transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const id = await this.call<number>({ op: 'begin' });
    let ending: Promise<unknown> | undefined;
    const tx: ThreadTransaction = {
      query: (sql, params, options) => this.query(sql, params, options, id),
      exec: (sql) => this.exec(sql, id),
      rollback: () => {
        ending ??= this.call({ op: 'rollback', transaction: id });
        return ending.then(() => undefined);
      },
      get closed() {
        return ending !== undefined;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      ending ??= this.call({ op: 'rollback', transaction: id });
      await ending.catch(() => {});
      throw error;
    }
    ending ??= this.call({ op: 'commit', transaction: id });
    await ending;
    return result;
  }

  /** Closes the database and stops the thread. */
  async close(): Promise<void> {
    if (this.failure) return;
    await this.call({ op: 'close' });
    this.failure = new Error('the embedded database is closed');
    await this.worker.terminate();
  }

  /** This object where the PGlite driver adapter expects a PGlite instance (it uses only what is implemented here). */
  asPGlite(): PGlite {
    return this as unknown as PGlite;
  }
}

export interface ThreadTransaction {
  query<T = unknown>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results & { rows: T[] }>;
  exec(sql: string): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}
