import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';

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
});
