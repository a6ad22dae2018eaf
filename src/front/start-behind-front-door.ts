// `podbot start` in production: the app in a worker thread (app-thread.ts), the front door (front-door.ts) on the
// main thread, serving PORT. The main thread then does nothing but answer HTTP: acknowledging a Slack command takes
// it a fraction of a millisecond however busy the app is.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { BodyBudget } from '../http/body-budget';
import { deserializeStartError, type AppThreadData, type FromAppThread, type LogLine, type ToAppThread } from './app-thread-messages';
import { createFrontDoor, type FrontLog } from './front-door';
import { APP_THREAD_NICE, batchOtherThreads, lowerOtherThreads } from './thread-priority';

/** See docs/architecture.md ("Memory"). */
const APP_THREAD_YOUNG_GENERATION_MB = 3;

/**
 * How far V8 lets a heap grow past what its last full collection kept before it collects again: 20 %, instead of the
 * factor of up to 4 it picks by itself when collecting looks cheap. Under a burst of commands the app's heap filled
 * with garbage for seconds between collections (bench/join-pod, embedded, 20 s at 200/s: highest RSS 331–351 MB,
 * 249–253 MB with this, at the cost of more frequent full collections while busy). A process-wide V8 setting, read
 * at each collection; set once the app is up, as start-up (loading modules) ran 0.3-0.4 s slower with it.
 */
const HEAP_GROWING_PERCENT = 20;

export interface FrontedPodbot {
  /** Where the front door listens (PORT). */
  port: number;
  /** undefined when /metrics is served on `port`. */
  metricsPort?: number;
  /** Stops taking requests, hands over the acknowledged ones, and lets the app drain and close. */
  stop(reason: string): Promise<void>;
  /** Rejects if the app thread ends without being asked to (it crashed); the process should then exit 1. */
  failed: Promise<never>;
}

/** dist/front/app-thread.js, found from the chunk this code is bundled into (every output file is one level below dist/). */
function appThreadFile(): URL | undefined {
  const url = new URL('../front/app-thread.js', import.meta.url);
  return existsSync(url) ? url : undefined;
}

/** True in the bundle (dist/), where the app thread is compiled; false when run from the TypeScript sources. */
export function appThreadAvailable(): boolean {
  return appThreadFile() !== undefined;
}

export async function startBehindFrontDoor(source: NodeJS.ProcessEnv): Promise<FrontedPodbot> {
  const file = appThreadFile();
  if (!file) throw new Error('the app thread (dist/front/app-thread.js) is missing: rebuild with npm run build');
  const worker = new Worker(file, {
    workerData: { env: { ...source } } satisfies AppThreadData,
    env: { ...source },
    // A young generation of 3 MB (1 MB semi-spaces), as node --max-semi-space-size=1 gives the main thread (npm start,
    // the container): without it V8 grows it to 48 MB and keeps it. Here it holds however podbot is started.
    resourceLimits: { maxYoungGenerationSizeMb: APP_THREAD_YOUNG_GENERATION_MB },
  });
  let stopping = false;
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  const crashed = new Promise<Error>((resolve) => worker.once('error', resolve));
  const next = () =>
    new Promise<FromAppThread>((resolve, reject) => {
      const onMessage = (message: FromAppThread) => {
        cleanup();
        resolve(message);
      };
      const onGone = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => onGone(new Error(`the app thread exited (code ${code}) before it answered`));
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onGone);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.once('error', onGone);
      worker.once('exit', onExit);
    });

  const first = await next();
  if (first.type === 'failed') {
    await exited;
    throw deserializeStartError(first.error);
  }
  if (first.type !== 'listening') throw new Error(`unexpected message from the app thread: ${first.type}`);

  const settings = first.front;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // Every thread but this one (the app's, the database's, V8's and libuv's helpers) yields to the front door.
  lowerOtherThreads(APP_THREAD_NICE);
  // …and does not make a waking front door wait for the rest of their time slice (see batchOtherThreads).
  const batched = batchOtherThreads();
  // The main thread's few log lines are written by the app thread's logger; if that thread is gone, to stderr.
  const say = (level: LogLine['level']) => (fields: Record<string, unknown>, msg: string) => {
    try {
      worker.postMessage({ type: 'log', level, fields, msg } satisfies ToAppThread);
    } catch {
      process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), app: 'podbot', ...fields, msg })}\n`);
    }
  };
  const log: FrontLog = { info: say('info'), warn: say('warn'), error: say('error') };
  void batched.then((threads) =>
    threads ? log.info({ threads }, 'the app, database and helper threads run under SCHED_BATCH') : log.info({}, 'the app threads keep the default scheduling policy (chrt, from util-linux, is missing or was refused)'),
  );
  // Answer times to Slack go to the app thread's metrics (podbot_slack_ack_seconds) once a second, not one message each.
  let acks: number[] = [];
  const reportAcks = () => {
    if (!acks.length) return;
    try {
      worker.postMessage({ type: 'slack-acks', seconds: acks } satisfies ToAppThread);
    } catch {
      // the app thread is gone: there are no metrics to add them to
    }
    acks = [];
  };
  const ackReports = setInterval(reportAcks, 1_000).unref();
  const front = createFrontDoor({
    app: { host: '127.0.0.1', port: first.port },
    signingSecret: settings.signingSecret,
    log,
    budget: new BodyBudget(settings.intakeBufferBytes),
    onSlackAnswered: (seconds) => acks.push(seconds),
    handOver({ headers, body }) {
      // A copy of just the body's bytes (a small Buffer shares a pooled ArrayBuffer), transferred rather than cloned.
      const bytes = new Uint8Array(body).buffer;
      worker.postMessage({ type: 'slack-request', headers, body: bytes } satisfies ToAppThread, [bytes]);
    },
  });

  const stopApp = async (reason: string) => {
    const said = next().catch((error: Error) => ({ type: 'failed' as const, error: { kind: 'other' as const, message: error.message } }));
    worker.postMessage({ type: 'stop', reason } satisfies ToAppThread);
    const answer = await said;
    // Everything was drained and closed; a handle left open (a timer, a socket) must not keep the process up.
    const exitedInTime = await Promise.race([exited.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000).unref())]);
    if (!exitedInTime) await worker.terminate();
    if (answer.type === 'failed') throw deserializeStartError(answer.error);
  };

  try {
    await new Promise<void>((resolve, reject) => {
      front.server.once('error', reject);
      front.server.listen(settings.port, () => resolve());
    });
  } catch (error) {
    stopping = true;
    clearInterval(ackReports);
    await stopApp('the front door could not listen');
    throw error;
  }
  const address = front.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  log.info({ port, appPort: first.port, metricsPort: first.metricsPort }, 'podbot is listening (front door on the main thread, the app in its own thread)');

  const failed = Promise.race([crashed, exited.then((code) => new Error(`the app thread exited with code ${code}`))]).then((error) => {
    if (stopping) return new Promise<never>(() => {});
    throw error;
  });
  failed.catch(() => {}); // observed by `podbot start`

  let stopped: Promise<void> | undefined;
  return {
    port,
    metricsPort: first.metricsPort,
    failed,
    stop(reason) {
      stopped ??= (async () => {
        stopping = true;
        // Stop taking requests (the ones acknowledged here were handed over as they came, and messages to the app's
        // thread arrive in order, before `stop`), then let the app drain and close.
        await new Promise<void>((resolve) => {
          front.server.close(() => resolve());
          front.server.closeIdleConnections();
        });
        front.closeAppConnections();
        clearInterval(ackReports);
        reportAcks();
        await stopApp(reason);
      })();
      return stopped;
    },
  };
}
