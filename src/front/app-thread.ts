// The app thread: podbot's app (src/index.ts's startPodbot) in a worker thread, listening on the loopback interface
// behind the front door. It reports `listening` (or why it could not start) to the main thread, and stops when asked.
import { parentPort, workerData as threadData } from 'node:worker_threads';
import { readEnv } from '../config/env';
import { startPodbot } from '../index';
import { serializeStartError, type AppThreadData, type FromAppThread, type ToAppThread } from './app-thread-messages';
import { APP_THREAD_NICE, lowerThreadPriority } from './thread-priority';

const port = parentPort!;
const workerData = threadData as AppThreadData;
const send = (message: FromAppThread) => port.postMessage(message);

// Before the database's thread starts (it inherits this): the front door's thread goes first when both are ready.
lowerThreadPriority(APP_THREAD_NICE);

try {
  // startPodbot reports an environment that does not parse (ConfigError); one that does gives the front door its settings.
  const env = readEnv(workerData.env);
  const podbot = await startPodbot(workerData.env, { host: '127.0.0.1', port: 0 });
  if (!env.ok) throw new Error('unreachable: startPodbot accepted an environment readEnv refuses');
  port.on('message', (message: ToAppThread) => {
    if (message.type === 'log') return podbot.log[message.level](message.fields, message.msg);
    if (message.type === 'slack-acks') return podbot.recordSlackAcks(message.seconds);
    if (message.type === 'slack-request') return podbot.takeSlackRequest(message.headers, Buffer.from(message.body));
    podbot.stop(message.reason).then(
      () => {
        send({ type: 'stopped' });
        port.close();
      },
      (error: unknown) => {
        send({ type: 'failed', error: serializeStartError(error) });
        port.close();
      },
    );
  });
  const front = { port: env.env.port, signingSecret: env.env.slack?.signingSecret, intakeBufferBytes: env.env.intakeBufferBytes };
  send({ type: 'listening', port: podbot.port, metricsPort: podbot.metricsPort, front });
} catch (error) {
  send({ type: 'failed', error: serializeStartError(error) });
  port.close();
}
