import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/main';
import { openDatabase } from '../../src/db/open-database';
import { freshDatabase, onPostgres, type TestDatabase } from '../support/database';
import { startTestApp } from '../support/test-app';

// `npm run pods:plan` against a real database: it shows what the start-up sync would do and writes nothing.

const before = {
  pods: [
    { name: 'docs', area: 'Documentation', labels: ['area/docs'], advocates: ['UALICE'] },
    { name: 'old', area: 'Going away', advocates: ['UBOB'] },
  ],
};
const after = {
  pods: [
    { name: 'docs', area: 'Docs and the website', labels: ['area/docs', 'area/web'], advocates: ['UALICE', 'UCAROL'] },
    { name: 'cli', area: 'Command line', advocates: ['UDAN'], capacity: 5 },
  ],
};

let dir: string;
let db: TestDatabase | undefined;
let env: Record<string, string>;

/** The database the CLI uses, opened for the test app (embedded: one process at a time, so opened and closed around it). */
async function withApp(config: Record<string, unknown>, work: (app: Awaited<ReturnType<typeof startTestApp>>) => Promise<void> = async () => {}) {
  const database = db ?? (await openDatabase({ dataDir: join(dir, 'data') }));
  const app = await startTestApp({ config, db: { ...database, destroy: async () => {} } as never });
  try {
    await work(app);
  } finally {
    await app.stop();
    if (!db) await database.close();
  }
}

async function plan(config: object): Promise<{ code: number; out: string; err: string }> {
  await writeFile(join(dir, 'podbot.yml'), stringify(config));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['pods', 'plan'], { env, io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) } });
  return { code, out: out.join(''), err: err.join('') };
}

/** Everything the sync could write, to show the plan wrote none of it. */
async function snapshot() {
  const database = db ?? (await openDatabase({ dataDir: join(dir, 'data') }));
  try {
    const p = database.prisma;
    return await Promise.all([p.pod.findMany({ orderBy: { id: 'asc' } }), p.podAdvocate.findMany({ orderBy: [{ podId: 'asc' }, { slackUserId: 'asc' }] }), p.podEvent.count(), p.outboxJob.count()]);
  } finally {
    if (!db) await database.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podbot-pods-plan-'));
  if (onPostgres) db = await freshDatabase();
  else {
    const embedded = await openDatabase({ dataDir: join(dir, 'data') });
    await embedded.migrate();
    await embedded.close();
  }
  env = {
    PODBOT_CONFIG: join(dir, 'podbot.yml'),
    LOG_LEVEL: 'silent',
    ...(db?.url ? { DATABASE_URL: db.url } : { PODBOT_DATA_DIR: join(dir, 'data') }),
  };
  await withApp(before, async (t) => {
    // A member of the pod that is going away, so the plan has a DM to show.
    const contributor = await t.db.prisma.contributor.create({ data: { slackUserId: 'UMEMBER' } });
    const pod = await t.db.prisma.pod.findUniqueOrThrow({ where: { name: 'old' } });
    await t.db.prisma.membership.create({ data: { podId: pod.id, contributorId: contributor.id } });
  });
});
afterAll(async () => {
  await db?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run pods:plan', () => {
  it('prints what applying podbot.yml would create, change, archive and DM, and writes nothing', async () => {
    const unchanged = await snapshot();
    const result = await plan(after);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out.split('\n')).toEqual([
      'Applying podbot.yml would create 1, change 1, unarchive 0 and archive 1 pod(s), and send 1 DM(s).',
      '+ create cli (Cli): capacity 5, advocates UDAN, labels none, paths none',
      '~ change docs: area "Documentation" → "Docs and the website"; labels [area/docs] → [area/docs, area/web]; add advocates UCAROL',
      '- archive old: DM to 1 member(s): UMEMBER',
      '',
    ]);
    expect(await snapshot()).toEqual(unchanged);
  });

  it('finds nothing to do once the same podbot.yml has been applied', async () => {
    await withApp(after);
    const result = await plan(after);
    expect(result).toEqual({ code: 0, out: 'Nothing to do: the pods in the database match podbot.yml.\n', err: '' });
    await withApp(before); // back to the state the other test starts from
  });

  it('answers --help with the usage, and a bad argument or podbot.yml with exit code 2', async () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void out.push(t) };
    expect(await runCli(['pods', 'plan', '--help'], { env, io })).toBe(0);
    expect(out.join('')).toMatch(/^usage: podbot pods plan/);
    expect(await runCli(['pods', 'plan', '--apply'], { env, io })).toBe(2);
    await writeFile(join(dir, 'podbot.yml'), stringify({ pods: [{ name: 'Bad Name', area: 'x', advocates: ['UALICE'] }] }));
    out.length = 0;
    expect(await runCli(['pods', 'plan'], { env, io })).toBe(2);
    expect(out.join('')).toContain('pods[0].name: pod name must be lowercase kebab-case');
  });
});
