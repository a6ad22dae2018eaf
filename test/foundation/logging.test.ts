import { describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { createLogger } from '../../src/log';
import { boltLogger } from '../../src/slack/create-bolt-app';

function capture(secrets: string[] = []) {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', secrets, destination: { write: (line: string) => void lines.push(line) } });
  return { log, lines };
}

describe('logging', () => {
  it('redacts tokens in messages, fields and errors', () => {
    const { log, lines } = capture(['webhook-secret-value']);
    const error = Object.assign(new Error('request failed for xoxb-123-456-abcdef'), {
      request: { headers: { authorization: 'Bearer ghp_abcdefghijklmnopqrstuvwxyz0123' } },
    });
    log.error({ err: error, token: 'xoxb-secret', config: { authorization: 'token abc' } }, 'failed with webhook-secret-value');
    const text = lines.join('');
    expect(text).not.toContain('xoxb-123-456-abcdef');
    expect(text).not.toContain('xoxb-secret');
    expect(text).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123');
    expect(text).not.toContain('webhook-secret-value');
    expect(text).not.toContain('token abc');
    const line = JSON.parse(lines[0]);
    expect(line.err.message).toBe('request failed for [redacted]');
    expect(line.msg).toBe('failed with [redacted]');
  });

  it("gives Bolt the level LOG_LEVEL sets, so Bolt's debug lines appear only when asked for", () => {
    const levels = ['debug', 'info', 'warn', 'error'] as const;
    const seen = levels.map((level) => {
      const lines: string[] = [];
      const bolt = boltLogger(createLogger({ level, destination: { write: (line: string) => void lines.push(line) } }));
      bolt.debug('bolt debug line');
      return { level: bolt.getLevel(), lines: lines.length };
    });
    expect(seen).toEqual([
      { level: LogLevel.DEBUG, lines: 1 },
      { level: LogLevel.INFO, lines: 0 },
      { level: LogLevel.WARN, lines: 0 },
      { level: LogLevel.ERROR, lines: 0 },
    ]);
  });
});
