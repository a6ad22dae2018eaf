import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database';
import { freshDatabase, onPostgres, type TestDatabase } from '../support/database';
import { FakeGitHub } from '../support/fake-github';
import { FakeSlack } from '../support/fake-slack';
import { startTestApp, type TestApp } from '../support/test-app';

// Two replicas started at once on a fresh database both apply podbot.yml. Neither may fail, and the pods exist once.

const pods = Array.from({ length: 12 }, (_, i) => ({ name: `pod-${i}`, area: `Area ${i}`, labels: [`area/${i}`], advocates: ['UADVOCATE'] }));

let db: TestDatabase;
let slack: FakeSlack;
let github: FakeGitHub;
beforeAll(async () => {
  [db, slack, github] = await Promise.all([freshDatabase(), new FakeSlack().start(), new FakeGitHub().start()]);
});
afterAll(async () => {
  await db?.destroy();
  await slack?.stop();
  await github?.stop();
});

describe('applying podbot.yml from two replicas at once', () => {
  it('creates every pod once and neither replica logs a failed start-up task', async () => {
    // On Postgres each replica has its own connection pool, as two processes would.
    const second = onPostgres ? await openDatabase({ url: db.url, dataDir: '' }) : db;
    const shared = (database: typeof db | typeof second) => ({ ...database, destroy: async () => {} }) as never;
    let replicas: TestApp[] = [];
    try {
      replicas = await Promise.all([
        startTestApp({ config: { pods }, db: shared(db), slack, github }),
        startTestApp({ config: { pods }, db: shared(second), slack, github }),
      ]);
      const failures = replicas.flatMap((replica) => replica.logs.filter((line) => line.msg === 'start-up task failed'));
      expect(failures.map((line) => line.err)).toEqual([]);
      expect(await db.prisma.pod.count()).toBe(pods.length);
      expect(await db.prisma.podAdvocate.count()).toBe(pods.length);
      expect(await db.prisma.podEvent.count({ where: { kind: 'created' } })).toBe(pods.length);
    } finally {
      for (const replica of replicas) await replica.stop({ keepDatabase: true, keepFakes: true });
      if (onPostgres) await second.close();
    }
  });
});
