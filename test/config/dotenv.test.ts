// .env at start: the file fills in what the environment does not set; the environment wins.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DotenvError, loadDotenv } from '../../src/config/dotenv';
import { readEnv } from '../../src/config/env';

const dir = mkdtempSync(join(tmpdir(), 'podbot-dotenv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('.env', () => {
  it('fills in variables the environment does not set, and keeps those it does (even when set empty)', () => {
    const path = file('a.env', 'PORT=4000\n# a comment\nLOG_LEVEL=debug\nSLACK_BOT_TOKEN="xoxb-from-file"\nexport PODBOT_CONFIG=./from-file.yml\nDATABASE_URL=postgres://file@db/podbot\n');
    const env: NodeJS.ProcessEnv = { PORT: '5000', DATABASE_URL: '' };
    const result = loadDotenv(path, env);
    expect(env).toEqual({
      PORT: '5000',
      DATABASE_URL: '',
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: 'xoxb-from-file',
      PODBOT_CONFIG: './from-file.yml',
    });
    expect({ ...result, loaded: result.loaded.sort(), overridden: result.overridden.sort() }).toEqual({
      path,
      loaded: ['LOG_LEVEL', 'PODBOT_CONFIG', 'SLACK_BOT_TOKEN'],
      overridden: ['DATABASE_URL', 'PORT'],
    });
  });

  it('reads what process.loadEnvFile reads: quotes, multi-line values, inline comments', () => {
    const text = 'A="two words"\nB=\'single\'\nC="line one\nline two"\nD=value # comment\nE=\n';
    const ours: NodeJS.ProcessEnv = {};
    loadDotenv(file('b.env', text), ours);
    // Node's own loader, in a clean child process, is the reference.
    const node = spawnSync(process.execPath, ['-e', `process.loadEnvFile(${JSON.stringify(join(dir, 'b.env'))}); const { A, B, C, D, E } = process.env; console.log(JSON.stringify({ A, B, C, D, E }))`], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(ours).toEqual(JSON.parse(node.stdout));
    expect(ours.C).toBe('line one\nline two');
  });

  it('is optional: no file, nothing loaded', () => {
    const env: NodeJS.ProcessEnv = { PORT: '1' };
    expect(loadDotenv(join(dir, 'missing.env'), env)).toEqual({ loaded: [], overridden: [] });
    expect(env).toEqual({ PORT: '1' });
  });

  it('that cannot be read gives one line naming the file and the reason', () => {
    const sub = join(dir, 'a-directory.env');
    mkdirSync(sub);
    expect(() => loadDotenv(sub, {})).toThrow(new DotenvError(`${sub}: cannot read the environment file (it is a directory); fix it or remove it`));
    if (process.getuid?.() !== 0) {
      const locked = file('locked.env', 'PORT=1\n');
      chmodSync(locked, 0o000);
      expect(() => loadDotenv(locked, {})).toThrow(/locked\.env: cannot read the environment file \(permission denied\)/);
    }
  });

  it('feeds the configuration podbot reads', () => {
    const env: NodeJS.ProcessEnv = {};
    loadDotenv(file('c.env', 'PORT=4321\nLOG_LEVEL=warn\n'), env);
    const result = readEnv(env);
    expect(result.ok && { port: result.env.port, logLevel: result.env.logLevel }).toEqual({ port: 4321, logLevel: 'warn' });
  });

  it('is read by the entry point from the working directory, under the environment', () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    writeFileSync(join(cwd, '.env'), 'PORT=not-a-port-from-file\nLOG_LEVEL=loud-from-file\n');
    const root = join(import.meta.dirname, '..', '..');
    const run = spawnSync(process.execPath, [join(root, 'bin', 'podbot.mjs'), 'start'], {
      cwd,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', PODBOT_CONFIG: join(cwd, 'none.yml') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toMatch(/PORT: .*/);
    expect(run.stderr).not.toMatch(/LOG_LEVEL/);
    expect(run.status).toBe(2);
  });
});
