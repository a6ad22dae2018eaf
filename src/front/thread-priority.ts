import { execFile } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The app thread's nice value: well below the front door's (0), while the app still gets every idle cycle. */
export const APP_THREAD_NICE = 10;

/**
 * Lowers this thread's scheduling priority (its nice value) to `nice`, where the platform allows it (Linux, where
 * each thread has its own, and threads it starts later inherit it). The app thread does this so that on a busy
 * machine the front door's thread, which only answers HTTP, runs first when a request arrives: otherwise an ack
 * can wait for the kernel to give a core back from the app and database threads. Returns whether it was done.
 */
export function lowerThreadPriority(nice: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // setpriority(2) on a thread id changes that thread only.
    const tid = currentThreadId();
    if (!Number.isInteger(tid)) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lowers every other thread of this process to `nice` (Linux): the app and database threads, and those V8 and
 * libuv started before them at the default priority (V8's garbage-collection helpers, which work for the app's
 * heap too, and the file-system pool). Called by the front door's thread once the app is up, so that nothing
 * else in the process delays an ack when the machine's cores are busy. Returns how many threads were lowered.
 */
export function lowerOtherThreads(nice: number): number {
  let lowered = 0;
  for (const tid of otherThreads()) {
    try {
      setPriority(tid, nice);
      lowered += 1;
    } catch {
      // the thread ended meanwhile
    }
  }
  return lowered;
}

/**
 * Puts every other thread of this process under SCHED_BATCH (Linux), with util-linux's `chrt`, as Node has no call
 * for it. A nice value sets a thread's share of a core, not how soon another thread gets one: the kernel can let the
 * running thread finish its time slice before a waking one runs, even one with a higher priority, and with the app
 * pinned to one core the front door's ack p99 sat at a 4 ms scheduler tick. Told that the app's threads are
 * CPU-bound work (SCHED_BATCH), the kernel delayed the door less: bench/join-pod (200 commands/s, 2 cores) read an
 * ack p99 of 3.4–4.0 ms with it in eight runs, 3.5–4.5 ms without. The threads keep their share of the CPU, so
 * nothing starves (SCHED_IDLE did better, 3.1–3.4 ms, but would let any busy process on the host starve the app).
 * Resolves with how many threads were set: 0 where `chrt` is missing or not allowed (the nice values still hold).
 */
export async function batchOtherThreads(): Promise<number> {
  const results = await Promise.all(
    otherThreads().map(
      (tid) => new Promise<boolean>((resolve) => execFile('chrt', ['--batch', '--pid', '0', String(tid)], { timeout: 5_000 }, (error) => resolve(!error))),
    ),
  );
  return results.filter(Boolean).length;
}

/** The ids of this process's threads but the calling one (Linux; none elsewhere, or without /proc). */
function otherThreads(): number[] {
  if (process.platform !== 'linux') return [];
  try {
    const self = currentThreadId();
    return readdirSync('/proc/self/task')
      .map(Number)
      .filter((tid) => Number.isInteger(tid) && tid !== self);
  } catch {
    return [];
  }
}

/** The calling thread's id (Linux, where /proc/thread-self is <pid>/task/<tid>); throws without /proc. */
function currentThreadId(): number {
  return Number(readlinkSync('/proc/thread-self').split('/').pop());
}
