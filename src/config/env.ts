import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';
import { formatIssues, type Problem } from './problems';
import { parseRedeliveryHooks, type RedeliveryHook } from '../github/redelivery-hooks';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const url = (what: string) =>
  z.string().refine((value) => /^https?:\/\/\S+$/.test(value) && URL.canParse(value), {
    message: `expected an http(s) URL for ${what}, e.g. https://example.org/`,
  });

/**
 * Every environment variable podbot reads. README's configuration table and .env.example list the same names
 * (a test keeps them in step).
 */
export const envSchema = z.object({
  /** HTTP port for Slack, GitHub, health, metrics, API and calendar routes. 0 picks a free port. */
  PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3000),
  /** postgres://… to use a PostgreSQL server; unset to use the embedded database in PODBOT_DATA_DIR. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
      .optional(),
  ),
  /** Directory of the embedded database (used when DATABASE_URL is unset). */
  PODBOT_DATA_DIR: z.string().default('./data/pglite'),
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'expected one of fatal, error, warn, info, debug, trace, silent',
  }).default('info'),
  /** json (one JSON object a line, ISO time, level names: for log collectors) or pretty (for a person at a terminal). */
  LOG_FORMAT: z.enum(['json', 'pretty'], { message: 'expected json or pretty' }).default('json'),
  /** Serve GET /metrics on this port instead of PORT (keeps metrics off the public port). Unset: on PORT. */
  METRICS_PORT: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'expected a port number')
      .transform(Number)
      .pipe(z.number().int().max(65535, 'expected a port number up to 65535'))
      .optional(),
  ),
  /** Slack app signing secret (Basic Information → App Credentials). With SLACK_BOT_TOKEN, switches Slack on. */
  SLACK_SIGNING_SECRET: optionalString,
  /** Slack bot token, xoxb-…. */
  SLACK_BOT_TOKEN: optionalString.pipe(z.string().regex(/^xox[bp]-/, 'expected a bot token starting with xoxb-').optional()),
  /** Slack Web API base URL; tests point it at a fake. */
  SLACK_API_URL: url('SLACK_API_URL').default('https://slack.com/api/'),
  /** Secret configured on the GitHub webhook or App. Switches GitHub webhooks on. */
  GITHUB_WEBHOOK_SECRET: optionalString,
  /** Personal or fine-grained token for the GitHub API (or use the GitHub App variables). */
  GITHUB_TOKEN: optionalString,
  /** GitHub App id, with GITHUB_PRIVATE_KEY, instead of GITHUB_TOKEN. The App may be installed on several organisations. */
  GITHUB_APP_ID: optionalString,
  /** GitHub App private key (PEM; `\n` escapes are accepted). */
  GITHUB_PRIVATE_KEY: optionalString,
  /**
   * Optional default installation of the GitHub App, for calls outside a webhook that name no repository. Webhooks
   * use the installation they came from, other calls the installation on the repository's owner. Unset: the App's
   * first installation.
   */
  GITHUB_INSTALLATION_ID: optionalString.pipe(z.string().regex(/^\d+$/, 'expected a numeric installation id').optional()),
  /** GitHub REST API base URL (GitHub Enterprise: https://HOST/api/v3). */
  GITHUB_API_URL: url('GITHUB_API_URL').default('https://api.github.com'),
  /** Path of the community config YAML. */
  PODBOT_CONFIG: z.string().default('./podbot.yml'),
  /** Bearer token for /api/*. Unset: /api/* answers 404. */
  PODBOT_API_TOKEN: optionalString.pipe(z.string().min(16, 'expected at least 16 characters').optional()),
  /** Public base URL of this server, used for links to the calendar feed. */
  PODBOT_PUBLIC_URL: optionalString.pipe(url('PODBOT_PUBLIC_URL').optional()),
  /**
   * Webhooks whose deliveries that failed while podbot was unhealthy it asks GitHub to redeliver: `app`,
   * `repo:OWNER/NAME:HOOK_ID`, `org:ORG:HOOK_ID`, comma-separated. Needs GitHub API credentials (`app`: the App's).
   */
  GITHUB_REDELIVERY_HOOKS: optionalString,
  /** Hours an outgoing message keeps being retried through a Slack or GitHub outage before it is dead-lettered. */
  /** Megabytes of request bodies held at once while their signatures are checked, across all requests. */
  PODBOT_INTAKE_BUFFER_MB: z.coerce.number({ message: 'expected a number of megabytes, e.g. 100' }).int('expected a whole number of megabytes').min(26, 'expected at least 26 (one 25 MB GitHub payload must fit)').default(100),
  PODBOT_OUTBOX_GIVE_UP_HOURS: z.coerce.number({ message: 'expected a number of hours, e.g. 24' }).positive('expected a positive number of hours').default(24),
});

export type RawEnv = z.infer<typeof envSchema>;

export type GitHubAuth =
  | { kind: 'token'; token: string }
  /** installationId: the default installation (see GITHUB_INSTALLATION_ID); webhooks carry their own. */
  | { kind: 'app'; appId: string; privateKey: string; installationId?: number };

export interface Env {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  logLevel: RawEnv['LOG_LEVEL'];
  logFormat: RawEnv['LOG_FORMAT'];
  /** undefined: /metrics is served on `port`. */
  metricsPort?: number;
  configPath: string;
  apiToken?: string;
  publicUrl?: string;
  /** How long the outbox retries a job through transient failures before dead-lettering it. */
  outboxGiveUpMs: number;
  /** Bytes of request bodies buffered at once (see BodyBudget). */
  intakeBufferBytes: number;
  /** undefined: Slack is switched off. */
  slack?: { signingSecret: string; botToken: string; apiUrl: string };
  /** undefined: GitHub webhooks are switched off. */
  githubWebhookSecret?: string;
  /** undefined: no GitHub API access. */
  github?: { auth: GitHubAuth; apiUrl: string };
  /** Webhooks whose failed deliveries are redelivered on request (empty: none). */
  githubRedeliveryHooks: RedeliveryHook[];
  /** Why an integration is off, one line each, for the start-up log. */
  disabled: string[];
}

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: Problem[] };

/**
 * A multi-line value (the App's PEM key) kept on one line of a .env file or an environment variable: each `\n` stands
 * for a newline. `podbot github-app create` writes the key that way (see env-file.ts).
 */
export function unescapeNewlines(value: string): string {
  return value.replace(/\\n/g, '\n');
}

function isReadablePrivateKey(pem: string): boolean {
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

/** Reads and checks the environment, returning every problem at once. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): EnvResult {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) return { ok: false, problems: formatIssues(parsed.error.issues, 'env') };
  const raw = parsed.data;
  const problems: Problem[] = [];
  const disabled: string[] = [];

  let slack: Env['slack'];
  if (raw.SLACK_SIGNING_SECRET && raw.SLACK_BOT_TOKEN) {
    slack = { signingSecret: raw.SLACK_SIGNING_SECRET, botToken: raw.SLACK_BOT_TOKEN, apiUrl: raw.SLACK_API_URL };
  } else if (raw.SLACK_SIGNING_SECRET || raw.SLACK_BOT_TOKEN) {
    const missing = raw.SLACK_SIGNING_SECRET ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET';
    problems.push({ where: missing, message: `is required when ${missing === 'SLACK_BOT_TOKEN' ? 'SLACK_SIGNING_SECRET' : 'SLACK_BOT_TOKEN'} is set` });
  } else {
    disabled.push('Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to switch it on.');
  }

  let github: Env['github'];
  const appVars = [raw.GITHUB_APP_ID, raw.GITHUB_PRIVATE_KEY];
  if (appVars.every(Boolean)) {
    github = {
      apiUrl: raw.GITHUB_API_URL,
      auth: {
        kind: 'app',
        appId: raw.GITHUB_APP_ID!,
        privateKey: unescapeNewlines(raw.GITHUB_PRIVATE_KEY!),
        installationId: raw.GITHUB_INSTALLATION_ID ? Number(raw.GITHUB_INSTALLATION_ID) : undefined,
      },
    };
    const privateKey = (github.auth as { privateKey: string }).privateKey;
    if (!/BEGIN [A-Z ]*PRIVATE KEY/.test(privateKey)) {
      problems.push({ where: 'GITHUB_PRIVATE_KEY', message: 'expected a PEM private key (-----BEGIN … PRIVATE KEY-----)' });
    } else if (!isReadablePrivateKey(privateKey)) {
      // A damaged key fails every token request the same way; refusing it here beats retrying it as if GitHub were down.
      problems.push({ where: 'GITHUB_PRIVATE_KEY', message: 'the PEM private key cannot be read (truncated or damaged?); download a new key from the GitHub App settings' });
    }
  } else if (appVars.some(Boolean) || raw.GITHUB_INSTALLATION_ID) {
    for (const [name, value] of [
      ['GITHUB_APP_ID', raw.GITHUB_APP_ID],
      ['GITHUB_PRIVATE_KEY', raw.GITHUB_PRIVATE_KEY],
    ] as const) {
      if (!value) problems.push({ where: name, message: 'is required when any GitHub App variable is set' });
    }
  } else if (raw.GITHUB_TOKEN) {
    github = { apiUrl: raw.GITHUB_API_URL, auth: { kind: 'token', token: raw.GITHUB_TOKEN } };
  }
  if (!raw.GITHUB_WEBHOOK_SECRET) disabled.push('GitHub webhooks are off: set GITHUB_WEBHOOK_SECRET to switch them on.');
  if (!github && !appVars.some(Boolean) && !raw.GITHUB_INSTALLATION_ID) {
    disabled.push('GitHub API access is off: set GITHUB_TOKEN, or GITHUB_APP_ID and GITHUB_PRIVATE_KEY.');
  }

  const redelivery = parseRedeliveryHooks(raw.GITHUB_REDELIVERY_HOOKS);
  if ('problem' in redelivery) problems.push({ where: 'GITHUB_REDELIVERY_HOOKS', message: redelivery.problem });
  else if (redelivery.hooks.length && !github && !appVars.some(Boolean)) {
    problems.push({ where: 'GITHUB_REDELIVERY_HOOKS', message: 'needs GitHub API access: set GITHUB_TOKEN or the GitHub App variables' });
  } else if (redelivery.hooks.some((hook) => hook.kind === 'app') && github && github.auth.kind !== 'app') {
    problems.push({ where: 'GITHUB_REDELIVERY_HOOKS', message: '"app" needs the GitHub App variables (the App webhook is read with the App\'s JWT), not GITHUB_TOKEN' });
  }

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    env: {
      port: raw.PORT,
      databaseUrl: raw.DATABASE_URL,
      dataDir: raw.PODBOT_DATA_DIR,
      logLevel: raw.LOG_LEVEL,
      logFormat: raw.LOG_FORMAT,
      metricsPort: raw.METRICS_PORT,
      configPath: raw.PODBOT_CONFIG,
      apiToken: raw.PODBOT_API_TOKEN,
      publicUrl: raw.PODBOT_PUBLIC_URL?.replace(/\/$/, ''),
      outboxGiveUpMs: raw.PODBOT_OUTBOX_GIVE_UP_HOURS * 60 * 60 * 1000,
      intakeBufferBytes: raw.PODBOT_INTAKE_BUFFER_MB * 1024 * 1024,
      slack,
      githubWebhookSecret: raw.GITHUB_WEBHOOK_SECRET,
      githubRedeliveryHooks: 'hooks' in redelivery ? redelivery.hooks : [],
      github,
      disabled,
    },
  };
}

/** Just the database settings, for scripts that need nothing else. Exits with the problems listed. */
export function readDatabaseEnv(source: NodeJS.ProcessEnv = process.env): { url?: string; dataDir: string } {
  const parsed = envSchema.pick({ DATABASE_URL: true, PODBOT_DATA_DIR: true }).safeParse(source);
  if (!parsed.success) {
    for (const problem of formatIssues(parsed.error.issues, 'env')) console.error(`${problem.where}: ${problem.message}`);
    process.exit(1);
  }
  return { url: parsed.data.DATABASE_URL, dataDir: parsed.data.PODBOT_DATA_DIR };
}
