import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCommunityConfig } from '../../src/app/community-config';
import { readEnv } from '../../src/config/env';
import { ConfigError } from '../../src/config/problems';

function problemsOf(yaml: string) {
  try {
    parseCommunityConfig(yaml);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('environment', () => {
  it('reports every problem at once, each named by its variable', () => {
    const result = readEnv({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', SLACK_SIGNING_SECRET: 'abc', SLACK_API_URL: 'not a url' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.problems.map((p) => p.where).sort();
    expect(where).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'SLACK_API_URL']);
    expect(result.problems.find((p) => p.where === 'LOG_LEVEL')?.message).toContain('expected one of');
  });

  it('names the missing half of a Slack credential pair', () => {
    const result = readEnv({ SLACK_SIGNING_SECRET: 'abc' });
    expect(result).toEqual({ ok: false, problems: [{ where: 'SLACK_BOT_TOKEN', message: 'is required when SLACK_SIGNING_SECRET is set' }] });
  });

  it('switches integrations off when their credentials are absent, saying how to switch them on', () => {
    const result = readEnv({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env.slack).toBeUndefined();
    expect(result.env.github).toBeUndefined();
    expect(result.env.port).toBe(3000);
    expect(result.env.disabled).toHaveLength(3);
    expect(result.env.disabled[0]).toMatch(/^Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN/);
  });

  it('lists every missing GitHub App variable', () => {
    const result = readEnv({ GITHUB_APP_ID: '123' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.where)).toEqual(['GITHUB_PRIVATE_KEY']);
  });

  it('needs the App id and key with a default installation id', () => {
    const result = readEnv({ GITHUB_INSTALLATION_ID: '456' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.where)).toEqual(['GITHUB_APP_ID', 'GITHUB_PRIVATE_KEY']);
  });

  it('takes a GitHub App without a default installation (several organisations)', () => {
    const result = readEnv({ GITHUB_APP_ID: '123', GITHUB_PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\\nabc\\n-----END RSA PRIVATE KEY-----' });
    expect(result.ok && result.env.github?.auth).toEqual({
      kind: 'app',
      appId: '123',
      installationId: undefined,
      privateKey: '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----',
    });
  });

  it('prefers GitHub App credentials over a token', () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const result = readEnv({
      GITHUB_TOKEN: 'ghp_x',
      GITHUB_APP_ID: '123',
      GITHUB_INSTALLATION_ID: '456',
      GITHUB_PRIVATE_KEY: pem.replace(/\n/g, '\\n'),
    });
    expect(result.ok && result.env.github?.auth).toEqual({ kind: 'app', appId: '123', installationId: 456, privateKey: pem });
  });
});

describe('podbot.yml', () => {
  it('accepts an empty file with every section at its defaults', () => {
    const config = parseCommunityConfig('');
    expect(config.pods).toEqual([]);
    expect(config.calls).toEqual([]);
    expect(config.admins).toEqual([]);
    expect(config.podSettings.maxPodsPerContributor).toBe(1);
    expect(config.welcome.github.label).toBe('new-contributor');
    expect(config.releases.maxBodyChars).toBe(125_000);
  });

  it('lists all problems with their YAML paths', () => {
    const problems = problemsOf(`
admins: [not-a-user]
pods:
  - name: Docs
    advocates: [U123]
  - name: cli
    advocates: [U123]
    capacity: -3
welcome:
  channelGreeting: shout
calls:
  - slug: weekly
    name: Weekly
    channel: C123
    schedule: { every: week, weekday: wednesday }
    time: "16:30"
    timezone: Mars/Olympus
colour: blue
`);
    const where = problems.map((p) => p.where);
    expect(where).toContain('admins[0]');
    expect(where).toContain('pods[0].name');
    expect(where).toContain('pods[1].capacity');
    expect(where).toContain('welcome.channelGreeting');
    expect(where).toContain('calls[0].timezone');
    expect(where.some((w) => w === '(top level)' || w.includes('colour'))).toBe(true);
    expect(problems.length).toBeGreaterThanOrEqual(6);
  });

  it('reports YAML syntax errors with a line number', () => {
    const problems = problemsOf('pods:\n  - name: docs\n   advocates: [U1');
    expect(problems[0].where).toMatch(/line \d+/);
  });

  it('reports unknown keys at every depth, with the key that was meant', () => {
    const problems = problemsOf(
      [
        'comunity: x',
        'pods:',
        '  - name: docs',
        '    capcity: 5',
        'welcome:',
        '  chanel: C0WELCOME',
        'calls:',
        '  - slug: community-call',
        '    name: Community call',
        '    channel: C0CALLS',
        '    schedule: { every: week, weekday: wednesday, interval: 2 }',
        '    time: "16:00"',
        '    timezone: Europe/London',
        '    reminder: ["1h"]',
      ].join('\n'),
    );
    const byPlace = Object.fromEntries(problems.map((problem) => [problem.where, problem.message]));
    expect(byPlace['pods[0]']).toMatch(/unknown key "capcity" \(did you mean "capacity"\?\)/);
    expect(byPlace['welcome']).toMatch(/unknown key "chanel"/);
    expect(byPlace['calls[0]']).toMatch(/unknown key "reminder" \(did you mean "reminders"\?\)/);
    expect(byPlace['calls[0].schedule']).toMatch(/unknown key "interval"/);
    expect(byPlace['(top level)']).toMatch(/unknown key "comunity"/);
  });
});
