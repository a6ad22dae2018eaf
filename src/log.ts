import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Logs: JSON lines with an ISO time and the level's name for machines (the default), or LOG_FORMAT=pretty for a
 * person at a terminal. Secrets never reach them: known secret-bearing keys are redacted wherever they appear, including
 * inside errors from the Slack and GitHub clients (which carry request headers and tokens).
 */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
  '*.request.headers.authorization',
  'err.request.headers.authorization',
  'err.response.headers.authorization',
  'signingSecret',
  '*.signingSecret',
  'privateKey',
  '*.privateKey',
  'env.SLACK_BOT_TOKEN',
  'env.SLACK_SIGNING_SECRET',
  'env.GITHUB_TOKEN',
  'env.GITHUB_WEBHOOK_SECRET',
  'env.GITHUB_PRIVATE_KEY',
  'env.PODBOT_API_TOKEN',
];

const TOKEN_PATTERN = /(xox[abposr]-[A-Za-z0-9-]+|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----)/g;

/** Masks token-shaped substrings in free text (error messages can quote a header or URL). */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_PATTERN, '[redacted]');
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
  return out;
}

export type LogFormat = 'json' | 'pretty';

export function createLogger(options: { level: string; format?: LogFormat; secrets?: readonly string[]; destination?: pino.DestinationStream }): Logger {
  const secrets = options.secrets ?? [];
  const destination = options.format === 'pretty' ? prettyDestination(options.destination ?? pino.destination(1)) : options.destination;
  return pino(
    {
      level: options.level,
      base: { app: 'podbot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        err: (err: unknown) => {
          // Callers pass an Error, errorSummary()'s plain object, or whatever was thrown (a string, say). Only an
          // Error goes through pino's serializer: it would rename a summary's type to "Object" and spread a string
          // into {"0":"b","1":"o",…}.
          const serialized = err instanceof Error ? pino.stdSerializers.err(err) : typeof err === 'object' && err !== null ? err : { message: String(err) };
          // Keep what helps debugging (code, status, message, stack); drop request/response objects that hold headers.
          const { request: _request, response: _response, headers: _headers, config: _config, ...rest } = serialized as Record<string, unknown>;
          return JSON.parse(scrubSecrets(JSON.stringify(rest), secrets));
        },
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg, secrets) : arg)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
    },
    destination,
  );
}

const LEVEL_COLOURS: Record<string, string> = { trace: '90', debug: '36', info: '32', warn: '33', error: '31', fatal: '35' };

/**
 * LOG_FORMAT=pretty: one readable line per entry, `12:00:01.234 INFO  message  key=value …`, with an error's stack
 * below it. Formats the same JSON the machines get, so both formats carry the same fields (and the same redaction).
 */
export function prettyDestination(out: { write(text: string): unknown }, { colour = Boolean((out as { isTTY?: boolean }).isTTY) } = {}): pino.DestinationStream {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      const { time, level, msg, app: _app, err, ...fields } = entry;
      const name = String(level ?? 'info');
      const label = name.toUpperCase().padEnd(5);
      const clock = typeof time === 'string' ? time.slice(11, 23) : '';
      const rest = Object.entries(fields)
        .map(([key, value]) => `${key}=${typeof value === 'string' && !/\s/.test(value) ? value : JSON.stringify(value)}`)
        .join(' ');
      let text = `${clock} ${colour ? `\u001b[${LEVEL_COLOURS[name] ?? '0'}m${label}\u001b[0m` : label} ${String(msg ?? '')}${rest ? `  ${rest}` : ''}\n`;
      if (err && typeof err === 'object') {
        const e = err as { message?: string; stack?: string };
        text += `  ${(e.stack ?? e.message ?? JSON.stringify(err)).split('\n').join('\n  ')}\n`;
      }
      out.write(text);
    },
  };
}
