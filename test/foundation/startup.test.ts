import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pendingMigrations } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { testDatabaseUrl } from '../support/database';
import { until } from '../support/database-faults';
import { FakeSlack } from '../support/fake-slack';
import { slackSignature } from '../support/signers';

const root = join(import.meta.dirname, '..', '..');

/** What `npm start` runs: bin/podbot.mjs start, which (re)builds dist/ when needed and runs the bundle. */
function startPodbot(env: Record<string, string>) {
  const child = spawn(process.execPath, ['bin/podbot.mjs', 'start'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitForHealth(port: number, timeoutMs = 40_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('podbot did not become healthy');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('start-up', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(Boolean(testDatabaseUrl))('creates and migrates an empty data directory, serves, and stops cleanly on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'podbot-start-'));
    dirs.push(dir);
    const dataDir = join(dir, 'data', 'pglite');
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const secret = 'xoxb-never-log-this-token-123456';
    const app = startPodbot({ PORT: String(port), PODBOT_DATA_DIR: dataDir, PODBOT_CONFIG: join(dir, 'podbot.yml'), SLACK_BOT_TOKEN: secret, SLACK_SIGNING_SECRET: 'signing-secret-value-xyz' });
    const health = (await (await waitForHealth(port)).json()) as any;
    expect(health).toMatchObject({ status: 'ok', database: { kind: 'embedded', ok: true }, slack: 'on' });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    const { stdout } = app.output();
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.every((l) => typeof l.level === 'string' && !Number.isNaN(Date.parse(l.time)) && /T.*Z$/.test(l.time))).toBe(true);
    expect(lines.some((l) => l.msg === 'database migrated' || l.msg === 'database up to date')).toBe(true);
    expect(lines.some((l) => l.msg === 'GitHub webhooks are off: set GITHUB_WEBHOOK_SECRET to switch them on.')).toBe(true);
    expect(lines.at(-1).msg).toBe('stopped');
    expect(stdout).not.toContain(secret);
    // The directory now holds a migrated database.
    const db = await openDatabase({ dataDir });
    try {
      expect(await pendingMigrations(db.prisma)).toEqual([]);
      expect(await db.prisma.pod.count()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it.skipIf(Boolean(testDatabaseUrl))('runs the app in its own thread behind the front door: a signed /join-pod is acknowledged there and answered by the app', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'podbot-front-'));
    dirs.push(dir);
    await writeFile(join(dir, 'podbot.yml'), 'pods:\n  - name: docs\n    area: the website\n    advocates: [U0ADVOCATE]\n');
    const slack = await new FakeSlack().start();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const signingSecret = 'signing-secret-value-xyz';
    const app = startPodbot({
      PORT: String(port), PODBOT_DATA_DIR: join(dir, 'data'), PODBOT_CONFIG: join(dir, 'podbot.yml'),
      SLACK_BOT_TOKEN: 'xoxb-front-door-test-123456', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: slack.apiUrl,
    });
    try {
      await waitForHealth(port);
      const body = new URLSearchParams({
        team_id: 'T0FAKE', channel_id: 'C0GENERAL', user_id: 'U0NEWCOMER', user_name: 'newcomer', command: '/join-pod', text: 'docs',
        api_app_id: 'A0PODBOT', response_url: slack.responseUrl('front'), trigger_id: 'trigger-front',
      }).toString();
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(signingSecret, body) },
        body,
      });
      expect(res.status).toBe(200);
      await until(() => slack.callsTo('response_url').some((call) => /You joined/.test(String(call.args.text))), 20_000);
      // Slack's wait is timed at the door and reported to the app's metrics, once (the app's own answer is not timed).
      const ackCount = async () => /^podbot_slack_ack_seconds_count (\d+)$/m.exec(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text())?.[1];
      await until(async () => (await ackCount()) === '1', 5_000);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(await ackCount()).toBe('1');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      const lines = app.output().stdout.trim().split('\n').map((line) => JSON.parse(line));
      const listening = lines.find((l) => /front door on the main thread/.test(l.msg));
      expect(listening).toMatchObject({ port });
      expect(listening.appPort).not.toBe(port);
      expect(lines.at(-1).msg).toBe('stopped');
    } finally {
      app.child.kill('SIGKILL');
      await slack.stop();
    }
  });

  it('refuses to start on bad configuration, listing every problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'podbot-bad-'));
    dirs.push(dir);
    const config = join(dir, 'podbot.yml');
    await writeFile(config, 'pods:\n  - name: Docs\n    advocates: []\nadmins: [nobody]\n');
    const app = startPodbot({ PORT: 'x', LOG_LEVEL: 'chatty', PODBOT_CONFIG: config, PODBOT_DATA_DIR: join(dir, 'data') });
    expect(await app.exited).toBe(2);
    const { stderr } = app.output();
    expect(stderr).toMatch(/podbot cannot start: [5-9] configuration problems/);
    for (const where of ['PORT', 'LOG_LEVEL', 'pods[0].name', 'pods[0].advocates', 'admins[0]']) expect(stderr).toContain(where);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });
});
