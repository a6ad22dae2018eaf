import { readlinkSync } from 'node:fs';
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
