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
    // /proc/thread-self is <pid>/task/<tid>; setpriority(2) on a thread id changes that thread only.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
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
  if (process.platform !== 'linux') return 0;
  let lowered = 0;
  try {
    const self = Number(readlinkSync('/proc/thread-self').split('/').pop());
    for (const entry of readdirSync('/proc/self/task')) {
      const tid = Number(entry);
      if (!Number.isInteger(tid) || tid === self) continue;
      try {
        setPriority(tid, nice);
        lowered += 1;
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    // no /proc: leave priorities as they are
  }
  return lowered;
}
