// Writing settings into a .env file so that podbot's own reader (util.parseEnv, then readEnv's `\n` rule) gets
// the same values back.
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { encodeEnvValue, planEnvFile } from '../../src/config/env-file';
import { unescapeNewlines } from '../../src/config/env';

describe('.env files written by podbot', () => {
  it('keeps a PEM key on one line that reads back as the same key', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow+/abc=\nxyz\n-----END RSA PRIVATE KEY-----\n';
    const encoded = encodeEnvValue('GITHUB_PRIVATE_KEY', pem);
    expect(encoded).not.toContain('\n');
    expect(unescapeNewlines(parseEnv(`GITHUB_PRIVATE_KEY=${encoded}\n`).GITHUB_PRIVATE_KEY!)).toBe(pem);
  });

  it.each([['a "quoted" value'], ['has # a comment'], ['  padded  '], ['back\\nslash'], ['$HOME']])('refuses %j, which one unquoted line cannot hold', (value) => {
    expect(() => encodeEnvValue('X', value)).toThrow('X: the value cannot be written on one unquoted .env line');
  });

  it('replaces empty and forced keys where they stand, folds repeats, adds the rest, and keeps every other line', () => {
    const text = '# settings\nexport GITHUB_APP_ID=\nPORT=3001\nGITHUB_APP_ID=\nGITHUB_WEBHOOK_SECRET=old';
    expect(planEnvFile(text, { GITHUB_APP_ID: '7', GITHUB_WEBHOOK_SECRET: 'new', GITHUB_PRIVATE_KEY: 'k' })).toEqual({
      text: '# settings\nGITHUB_APP_ID=7\nPORT=3001\nGITHUB_WEBHOOK_SECRET=old\nGITHUB_PRIVATE_KEY=k\n',
      replaced: ['GITHUB_APP_ID'],
      added: ['GITHUB_PRIVATE_KEY'],
      conflicts: ['GITHUB_WEBHOOK_SECRET'],
    });
    expect(planEnvFile(text, { GITHUB_WEBHOOK_SECRET: 'new' }, { force: true }).text).toBe('# settings\nexport GITHUB_APP_ID=\nPORT=3001\nGITHUB_APP_ID=\nGITHUB_WEBHOOK_SECRET=new\n');
    expect(planEnvFile('', { A: '1' })).toMatchObject({ text: 'A=1\n', added: ['A'] });
  });
});
