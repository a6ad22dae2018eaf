// The app thread lowers its scheduling priority so the front door's thread runs first on a busy machine; threads
// it starts afterwards (the embedded database's) inherit it. Checked in a child process, since a thread cannot
// raise its priority back.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('thread priority', () => {
  it.skipIf(process.platform !== 'linux')('lowers the calling thread to the given nice value, and threads it starts later inherit it', () => {
    const script = `
      import { getPriority } from 'node:os';
      import { Worker } from 'node:worker_threads';
      import { lowerThreadPriority } from './src/front/thread-priority.ts';
      const before = getPriority(process.pid);
      const done = lowerThreadPriority(10);
      const inWorker = "Promise.all([import('node:worker_threads'), import('node:os'), import('node:fs')]).then(([{ parentPort }, { getPriority }, { readlinkSync }]) => parentPort.postMessage(getPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()))))";
      const worker = new Worker(inWorker, { eval: true });
      worker.once('message', (inWorker) => { console.log(JSON.stringify({ before, done, after: getPriority(process.pid), inWorker })); process.exit(0); });
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ before: 0, done: true, after: 10, inWorker: 10 });
  });

  it.skipIf(process.platform !== 'linux')('lowers every other thread of the process, and leaves the calling one as it was', () => {
    const script = `
      import { getPriority } from 'node:os';
      import { Worker } from 'node:worker_threads';
      import { lowerOtherThreads } from './src/front/thread-priority.ts';
      const code = "Promise.all([import('node:worker_threads'), import('node:os'), import('node:fs')]).then(([{ parentPort }, { getPriority }, { readlinkSync }]) => { const tid = Number(readlinkSync('/proc/thread-self').split('/').pop()); parentPort.postMessage('ready'); parentPort.on('message', () => parentPort.postMessage(getPriority(tid))); })";
      const worker = new Worker(code, { eval: true });
      worker.once('message', () => {
        const lowered = lowerOtherThreads(10);
        worker.once('message', (inWorker) => { console.log(JSON.stringify({ lowered: lowered > 1, self: getPriority(process.pid), inWorker })); process.exit(0); });
        worker.postMessage('priority?');
      });
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ lowered: true, self: 0, inWorker: 10 });
  });

  it.skipIf(process.platform !== 'linux' || spawnSync('chrt', ['--version']).status !== 0)(
    'puts every other thread under SCHED_BATCH, and leaves the calling one as it was',
    () => {
      // /proc/<pid>/task/<tid>/stat's 41st field is the policy: 0 SCHED_OTHER, 3 SCHED_BATCH.
      const script = `
        import { readFileSync } from 'node:fs';
        import { Worker } from 'node:worker_threads';
        import { batchOtherThreads } from './src/front/thread-priority.ts';
        const policy = (tid) => Number(readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[38]);
        const code = "Promise.all([import('node:worker_threads'), import('node:fs')]).then(([{ parentPort }, { readlinkSync }]) => { parentPort.postMessage(Number(readlinkSync('/proc/thread-self').split('/').pop())); setInterval(() => {}, 1000); })";
        const worker = new Worker(code, { eval: true });
        worker.once('message', async (workerTid) => {
          const before = policy(workerTid);
          const set = await batchOtherThreads();
          console.log(JSON.stringify({ set: set > 1, before, worker: policy(workerTid), self: policy(process.pid) }));
          process.exit(0);
        });
      `;
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual({ set: true, before: 0, worker: 3, self: 0 });
    },
  );
});
